package io.callops.dialog;

import io.callops.sip.header.NameAddr;

/** Reads the URI out of a From/To/Contact value, tolerating what the peer wrote. */
final class HeaderUris {
    private HeaderUris() {
    }

    static String uriOf(String nameAddr) {
        if (nameAddr == null) return null;
        try {
            return NameAddr.parse(nameAddr).uri().toString();
        } catch (RuntimeException e) {
            return nameAddr;
        }
    }
}
