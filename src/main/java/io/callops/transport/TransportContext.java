package io.callops.transport;

/** What the per-socket handlers of one transport share. */
record TransportContext(TransportSettings settings, TransportStats stats, InboundDispatcher dispatcher,
                        TcpConnections connections) {}
