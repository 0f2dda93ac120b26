package io.callops.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.callops.testsupport.FreePorts;
import io.callops.testsupport.Sipp;
import io.callops.testsupport.TestProxy;
import io.callops.testsupport.UdpEventRecorder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A proxy with phones around it for call-operation tests: named SIPp processes on free
 * loopback ports, routes to them by user name ({@code sip:bob@proxy} reaches the phone
 * named bob), an MI client and a UDP event subscriber. Everything stops on close.
 */
final class CallRig implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    final TestProxy proxy;
    final UdpEventRecorder events;
    private final Map<String, Integer> ports = new HashMap<>();
    private final List<Sipp> phones = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    /** {@code names} are the phones that receive calls (routes are made for them). */
    CallRig(Map<String, Object> config, String... names) {
        List<Integer> free = FreePorts.udpAndTcp(names.length + 4);
        Map<String, Object> routes = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            ports.put(names[i], free.get(i));
            routes.put(names[i], "sip:127.0.0.1:" + free.get(i));
        }
        for (int i = names.length; i < free.size(); i++) {
            ports.put("caller" + (i - names.length), free.get(i));
        }
        Map<String, Object> all = new HashMap<>(config);
        all.put("routes", routes);
        this.proxy = TestProxy.start(all);
        this.events = UdpEventRecorder.subscribe(proxy.miPort(), "E_CALL_TRANSFER");
    }

    /** Starts a phone that answers calls for {@code name}. */
    Sipp callee(String name, String scenario, int calls) {
        Sipp s = Sipp.uas("sipp/" + scenario, ports.get(name)).calls(calls).timeout(WAIT).start();
        phones.add(s);
        return s;
    }

    /** Starts a phone (caller slot {@code slot}) calling {@code service} through the proxy. */
    Sipp caller(int slot, String scenario, String service, Map<String, String> keys) {
        Sipp.Builder b = Sipp.uac("sipp/" + scenario, ports.get("caller" + slot), proxy.address()).calls(1)
                .timeout(WAIT);
        if (service != null) b.service(service);
        keys.forEach(b::key);
        Sipp s = b.start();
        phones.add(s);
        return s;
    }

    /** A caller whose call lasts {@code duration} before it hangs up (uac_call.xml's pause). */
    Sipp callerLasting(int slot, String scenario, String service, Duration duration) {
        Sipp s = Sipp.uac("sipp/" + scenario, ports.get("caller" + slot), proxy.address()).calls(1).timeout(WAIT)
                .service(service).pause(duration).start();
        phones.add(s);
        return s;
    }

    /** As {@link #caller} without keys, over another transport. */
    Sipp callerOver(int slot, String scenario, String service, Sipp.Transport transport) {
        Sipp s = Sipp.uac("sipp/" + scenario, ports.get("caller" + slot), proxy.address()).calls(1).timeout(WAIT)
                .service(service).transport(transport).start();
        phones.add(s);
        return s;
    }

    /** {@code sip:<user>@<proxy>}: an address the proxy routes to the phone named user. */
    String uri(String user) {
        return "sip:" + user + "@" + proxy.address();
    }

    JsonNode mi(String method, String paramsJson) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + paramsJson + "}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + proxy.miPort() + "/mi"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    /** Waits until the proxy has a confirmed (ACKed) call to {@code user} and returns its Call-ID. */
    String awaitCallTo(String user) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode d : mi("dlg_list", "{}").path("result").path("Dialogs")) {
                if (d.path("state").asInt() == 4 && d.path("to_uri").asText().startsWith("sip:" + user + "@")) {
                    return d.path("callid").asText();
                }
            }
            Thread.sleep(30);
        }
        throw new AssertionError("no confirmed call to " + user);
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        for (Sipp s : phones) {
            s.close();
        }
        events.close();
        proxy.close();
    }
}
