package io.callops.sip.uri;

/**
 * One decoded {@code name[=value]} pair of a SIP URI, used for both uri-parameters and
 * embedded headers. A flag parameter has the value "" (RFC 3261 pvalue is 1*paramchar,
 * so a real value is never empty).
 */
record UriParam(String name, String value) {

    boolean named(String other) {
        return name.equalsIgnoreCase(other);
    }
}
