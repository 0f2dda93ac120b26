package io.callops.server;

import io.callops.server.config.ServerConfig;
import io.callops.server.config.StoreType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The key that signs transfer linking tokens: configured, or generated on first start and
 * kept next to the dialog store so that tokens in REFERs sent before a restart still verify.
 */
final class LinkSecret {
    static final String FILE_NAME = "callops.secret";

    private LinkSecret() {
    }

    static byte[] load(ServerConfig config) {
        String configured = config.callops().secret();
        if (configured != null) return configured.getBytes(StandardCharsets.UTF_8);
        if (config.dialog().store().type() != StoreType.SQLITE) return random();
        Path dir = config.dialog().store().path().toAbsolutePath().getParent();
        Path file = dir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                byte[] key = HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).trim());
                if (key.length < 16) throw new IllegalStateException(file + " holds a key shorter than 16 bytes");
                return key;
            }
            Files.createDirectories(dir);
            byte[] key = random();
            Path tmp = dir.resolve(FILE_NAME + ".tmp");
            Files.writeString(tmp, HexFormat.of().formatHex(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's own protection applies
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read or create the transfer key " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] random() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
