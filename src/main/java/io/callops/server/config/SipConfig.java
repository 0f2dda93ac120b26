package io.callops.server.config;

/**
 * SIP protocol and transport tuning. Timer names follow RFC 3261 §17 and §16.6.
 *
 * @param t1Ms                RTT estimate, base of the retransmission timers (RFC 3261 T1)
 * @param t2Ms                cap on non-INVITE request and INVITE response retransmit interval (T2)
 * @param t4Ms                how long the network may keep a message (T4)
 * @param timerCMs            proxy INVITE transaction timeout (Timer C, must be more than 3 minutes per RFC; not enforced)
 * @param tcpIdleTimeoutS     close a TCP connection after this long without traffic
 * @param tcpConnectTimeoutMs give up on an outgoing TCP connect after this long
 * @param maxTcpConnections   refuse new TCP connections beyond this number
 * @param udpReceiveBuffer    SO_RCVBUF for UDP sockets, bytes
 * @param udpSendBuffer       SO_SNDBUF for UDP sockets, bytes
 * @param workers             threads doing socket I/O and SIP processing (each owns the calls
 *                            whose Call-ID hashes to it); 0 = number of CPU cores
 * @param maxMessageSize      larger SIP messages are rejected
 * @param recordRoute         insert Record-Route so in-dialog requests pass through the proxy
 * @param maxForwardsDefault  Max-Forwards put into requests that arrive without one
 * @param serverHeader        value of Server/User-Agent in locally generated messages; empty = none
 * @param warmupCalls         calls run over loopback through a throw-away instance before the listen sockets
 *                            open, so that the first real calls find compiled code; 0 = none
 * @param udpWorkerPorts      when above 0, worker {@code i} also listens on UDP port {@code udpWorkerPorts + i}
 *                            of every UDP listen host and advertises it for the calls it owns; 0 = off
 */
public record SipConfig(
        int t1Ms,
        int t2Ms,
        int t4Ms,
        int timerCMs,
        int tcpIdleTimeoutS,
        int tcpConnectTimeoutMs,
        int maxTcpConnections,
        int udpReceiveBuffer,
        int udpSendBuffer,
        int workers,
        int maxMessageSize,
        boolean recordRoute,
        int maxForwardsDefault,
        String serverHeader,
        int warmupCalls,
        int udpWorkerPorts) {

    /** Below this a real INVITE with SDP does not fit, so a smaller limit is a typo, not a choice. */
    static final int MIN_MESSAGE_SIZE = 1024;
    /** Beyond this the warm-up only delays the start: the compiler is done long before. */
    static final int MAX_WARMUP_CALLS = 1_000_000;

    public SipConfig {
        Check.positive("sip.t1_ms", t1Ms);
        Check.positive("sip.t2_ms", t2Ms);
        if (t1Ms > t2Ms) {
            throw ConfigException.invalid("sip.t1_ms", "must be <= sip.t2_ms (got " + t1Ms + " > " + t2Ms + ")");
        }
        Check.positive("sip.t4_ms", t4Ms);
        Check.positive("sip.timer_c_ms", timerCMs);
        Check.positive("sip.tcp_idle_timeout_s", tcpIdleTimeoutS);
        Check.positive("sip.tcp_connect_timeout_ms", tcpConnectTimeoutMs);
        Check.positive("sip.max_tcp_connections", maxTcpConnections);
        Check.positive("sip.udp_receive_buffer", udpReceiveBuffer);
        Check.positive("sip.udp_send_buffer", udpSendBuffer);
        Check.nonNegative("sip.workers", workers);
        Check.between("sip.max_message_size", maxMessageSize, MIN_MESSAGE_SIZE, Integer.MAX_VALUE);
        // Max-Forwards is 0..255 on the wire in practice; 0 would make every request die at the next hop.
        Check.between("sip.max_forwards_default", maxForwardsDefault, 1, 255);
        Check.notNull("sip.server_header", serverHeader);
        Check.between("sip.warmup_calls", warmupCalls, 0, MAX_WARMUP_CALLS);
        Check.between("sip.udp_worker_ports", udpWorkerPorts, 0, 65_535);
        int workerCount = workersOrCores(workers); // the fields are not set yet here
        if (udpWorkerPorts > 0 && (long) udpWorkerPorts + workerCount - 1 > 65_535) {
            throw ConfigException.invalid("sip.udp_worker_ports", "needs one port per worker: "
                    + udpWorkerPorts + " + " + workerCount + " workers goes past 65535");
        }
        // A line break here would let the config inject arbitrary headers into every message.
        if (serverHeader.indexOf('\r') >= 0 || serverHeader.indexOf('\n') >= 0) {
            throw ConfigException.invalid("sip.server_header", "must not contain line breaks");
        }
    }

    /** {@link #workers()} with 0 resolved to the number of cores. */
    public int effectiveWorkers() {
        return workersOrCores(workers);
    }

    private static int workersOrCores(int workers) {
        return workers == 0 ? Runtime.getRuntime().availableProcessors() : workers;
    }
}
