package io.callops.ops.transfer;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code param}-mode linking token: the dialog id and an HMAC over it, so that a new
 * call can only be linked to a dialog by someone who got the token in our REFER. Written
 * as {@code <id hex>.<mac hex>}: only characters a URI parameter takes unescaped.
 */
public final class LinkTokens {
    private static final int MAC_BYTES = 10;

    private final byte[] key;

    public LinkTokens(byte[] key) {
        if (key.length < 16) throw new IllegalArgumentException("the token key needs at least 16 bytes");
        this.key = key.clone();
    }

    public String issue(long dialogId) {
        String id = Long.toHexString(dialogId);
        return id + '.' + HexFormat.of().formatHex(mac(id));
    }

    /** The dialog id a token names, or -1 when it is malformed or its MAC does not verify. */
    public long verify(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot > 16 || token.length() - dot - 1 != MAC_BYTES * 2) return -1;
        String id = token.substring(0, dot);
        byte[] given;
        long dialogId;
        try {
            given = HexFormat.of().parseHex(token, dot + 1, token.length());
            dialogId = Long.parseUnsignedLong(id, 16);
        } catch (IllegalArgumentException e) {
            return -1;
        }
        if (!id.equals(Long.toHexString(dialogId))) return -1; // one spelling per id
        return MessageDigest.isEqual(given, mac(id)) ? dialogId : -1;
    }

    private byte[] mac(String id) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = m.doFinal(id.getBytes(StandardCharsets.US_ASCII));
            return java.util.Arrays.copyOf(full, MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
