package io.callops.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Whether some process has bound a local port, read from the kernel's socket tables
 * ({@code /proc/net/udp}, {@code /proc/net/tcp} and their IPv6 twins). Reading them, unlike
 * trying to bind the port ourselves, cannot take the port from the process about to bind it.
 */
final class BoundPorts {
    /** TCP state LISTEN in the {@code st} column of {@code /proc/net/tcp}. */
    private static final String TCP_LISTEN = "0A";

    private BoundPorts() {
    }

    /** True when the tables can be read here (Linux). */
    static boolean readable() {
        return Files.isReadable(Path.of("/proc/net/udp"));
    }

    /** A UDP socket bound to {@code port} on any local address. */
    static boolean udpBound(int port) {
        return anyRow(List.of("/proc/net/udp", "/proc/net/udp6"), port, null);
    }

    /** A TCP socket listening on {@code port} on any local address. */
    static boolean tcpListening(int port) {
        return anyRow(List.of("/proc/net/tcp", "/proc/net/tcp6"), port, TCP_LISTEN);
    }

    private static boolean anyRow(List<String> tables, int port, String state) {
        String suffix = String.format(Locale.ROOT, ":%04X", port);
        for (String table : tables) {
            List<String> rows;
            try {
                rows = Files.readAllLines(Path.of(table));
            } catch (IOException e) {
                continue; // no IPv6 on this machine, for one
            }
            for (String row : rows.subList(Math.min(1, rows.size()), rows.size())) {
                // "  sl  local_address rem_address   st ...": columns 1 and 3 after the slot
                String[] cols = row.trim().split("\\s+");
                if (cols.length > 3 && cols[1].endsWith(suffix) && (state == null || state.equals(cols[3]))) {
                    return true;
                }
            }
        }
        return false;
    }
}
