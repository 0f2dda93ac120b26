package io.callops.server.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.callops.transport.ListenAddress;
import java.util.Map;

/**
 * Writes a {@link ServerConfig} back as YAML in the file's own layout ({@code --print-config}).
 * The output loads back into an equal config, so it can serve as a starting config file.
 */
public final class ConfigWriter {
    private ConfigWriter() {}

    public static String toYaml(ServerConfig c) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ArrayNode listen = root.putArray("listen");
        for (ListenAddress a : c.listen()) {
            listen.add(a.toString());
        }
        ArrayNode domains = root.putArray("domains");
        c.domains().forEach(domains::add);
        ObjectNode routes = root.putObject("routes");
        for (Map.Entry<String, String> e : c.routes().entrySet()) {
            routes.put(e.getKey(), e.getValue());
        }
        root.put("routes_file", c.routesFile() == null ? null : c.routesFile().toString());

        ObjectNode log = root.putObject("log");
        log.put("level", c.log().level());
        log.put("format", c.log().format().configName());
        log.put("sip_trace", c.log().sipTrace());

        SipConfig s = c.sip();
        ObjectNode sip = root.putObject("sip");
        sip.put("t1_ms", s.t1Ms());
        sip.put("t2_ms", s.t2Ms());
        sip.put("t4_ms", s.t4Ms());
        sip.put("timer_c_ms", s.timerCMs());
        sip.put("tcp_idle_timeout_s", s.tcpIdleTimeoutS());
        sip.put("tcp_connect_timeout_ms", s.tcpConnectTimeoutMs());
        sip.put("max_tcp_connections", s.maxTcpConnections());
        sip.put("udp_receive_buffer", s.udpReceiveBuffer());
        sip.put("udp_send_buffer", s.udpSendBuffer());
        sip.put("workers", s.workers());
        sip.put("max_message_size", s.maxMessageSize());
        sip.put("record_route", s.recordRoute());
        sip.put("max_forwards_default", s.maxForwardsDefault());
        sip.put("server_header", s.serverHeader());
        sip.put("warmup_calls", s.warmupCalls());
        sip.put("udp_worker_ports", s.udpWorkerPorts());

        RegistrarConfig r = c.registrar();
        ObjectNode reg = root.putObject("registrar");
        reg.put("min_expires", r.minExpires());
        reg.put("max_expires", r.maxExpires());
        reg.put("default_expires", r.defaultExpires());
        reg.put("max_contacts_per_aor", r.maxContactsPerAor());

        root.putObject("router").put("class", c.router().className());

        ObjectNode mi = root.putObject("mi");
        mi.put("listen", c.mi().listen());
        mi.put("token", c.mi().token());
        mi.put("max_body_bytes", c.mi().maxBodyBytes());

        ObjectNode dialog = root.putObject("dialog");
        dialog.put("timeout_s", c.dialog().timeoutS());
        ObjectNode store = dialog.putObject("store");
        store.put("type", c.dialog().store().type().configName());
        store.put("path", c.dialog().store().path().toString());
        store.put("flush_delay_ms", c.dialog().store().flushDelayMs());

        EventsConfig e = c.events();
        ObjectNode events = root.putObject("events");
        events.put("queue_size", e.queueSize());
        events.put("delivery_threads", e.deliveryThreads());
        events.put("http_retries", e.httpRetries());
        events.put("http_timeout_ms", e.httpTimeoutMs());

        CallopsConfig k = c.callops();
        ObjectNode callops = root.putObject("callops");
        callops.put("mode", k.mode().configName());
        callops.put("match_param", k.matchParam());
        callops.put("end_transferred_dialog", k.endTransferredDialog());
        callops.put("transfer_timeout_s", k.transferTimeoutS());
        return Yaml.write(root);
    }
}
