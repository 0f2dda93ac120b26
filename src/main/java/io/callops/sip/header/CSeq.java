package io.callops.sip.header;

/**
 * CSeq (RFC 3261 §20.16): a sequence number below 2**31 (§8.1.1.5) and a method token.
 */
public record CSeq(long number, String method) {

    private static final String HEADER = "CSeq";
    public static final long MAX_NUMBER = (1L << 31) - 1;

    public CSeq {
        if (number < 0 || number > MAX_NUMBER) {
            throw new IllegalArgumentException("CSeq number out of range 0..2^31-1: " + number);
        }
        if (!HeaderCursor.isToken(method)) {
            throw new IllegalArgumentException("CSeq method is not a token: " + method);
        }
    }

    public static CSeq parse(CharSequence value) {
        HeaderCursor c = new HeaderCursor(HEADER, value);
        String digits = c.digits("sequence number");
        if (!c.skipLws()) {
            throw c.error(c.atEnd() ? "missing method" : "expected space between number and method");
        }
        String method = c.token("method");
        c.expectEnd();
        long number = Numbers.parseUnsignedInt(digits, HEADER + " number", MAX_NUMBER);
        return new CSeq(number, method);
    }

    @Override
    public String toString() {
        return number + " " + method;
    }
}
