package io.callops.sip.header;

import java.util.Locale;

/**
 * Content-Type (RFC 3261 §20.15): {@code type/subtype;param=value}. Type and subtype are
 * kept as written; {@link #mediaType()} gives the lower-case form for comparisons.
 */
public record ContentType(String type, String subtype, Params params) {

    private static final String HEADER = "Content-Type";

    public ContentType {
        if (!HeaderCursor.isToken(type) || !HeaderCursor.isToken(subtype)) {
            throw new IllegalArgumentException("media type parts must be tokens: " + type + "/" + subtype);
        }
        params = params == null ? Params.empty() : params;
    }

    public static ContentType parse(CharSequence value) {
        HeaderCursor c = new HeaderCursor(HEADER, value);
        String type = c.token("media type");
        c.expect('/', "between type and subtype");
        String subtype = c.token("media subtype");
        Params params = ParamsParser.parse(c);
        c.expectEnd();
        for (Params.Param p : params.asList()) {
            if (p.value() == null) { // m-parameter = m-attribute EQUAL m-value: a value is required
                throw c.error("parameter '" + p.name() + "' has no value");
            }
        }
        return new ContentType(type, subtype, params);
    }

    /** "type/subtype" in lower case, e.g. "application/sdp". */
    public String mediaType() {
        return (type + "/" + subtype).toLowerCase(Locale.ROOT);
    }

    public String param(String name) {
        return params.get(name);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(type).append('/').append(subtype);
        params.appendTo(out);
        return out.toString();
    }
}
