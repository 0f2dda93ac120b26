package io.callops.mi;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Where and how the management interface listens.
 *
 * @param listen       the HTTP address; port 0 takes a free one
 * @param token        the bearer token every request must carry, or null for none
 * @param maxBodyBytes larger request bodies are answered 413
 */
public record MiSettings(InetSocketAddress listen, String token, int maxBodyBytes) {
    public MiSettings {
        Objects.requireNonNull(listen, "listen");
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
    }

    public boolean tokenRequired() {
        return token != null;
    }
}
