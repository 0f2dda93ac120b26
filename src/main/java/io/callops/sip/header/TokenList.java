package io.callops.sip.header;

import io.callops.sip.SipParseException;

import java.util.ArrayList;
import java.util.List;

/** Comma-separated token lists: Allow, Supported, Require, Proxy-Require, Unsupported. */
public final class TokenList {

    private TokenList() {
    }

    /** Parses a token list; an empty value is an empty list (Supported may be empty, RFC 3261 §20.37). */
    public static List<String> parse(CharSequence value) {
        return parse(value, "Token list");
    }

    public static List<String> parse(CharSequence value, String headerName) {
        if (value == null) {
            throw new SipParseException(headerName + ": missing value");
        }
        String trimmed = HeaderCursor.trimLws(value);
        List<String> out = new ArrayList<>();
        if (trimmed.isEmpty()) {
            return out;
        }
        for (String item : trimmed.split(",", -1)) {
            String token = HeaderCursor.trimLws(item);
            if (token.isEmpty()) {
                throw new SipParseException(headerName + ": empty element in list");
            }
            if (!HeaderCursor.isToken(token)) {
                throw new SipParseException(headerName + ": '" + token + "' is not a token");
            }
            out.add(token);
        }
        return List.copyOf(out);
    }
}
