package io.callops.proxy.registrar;

import io.callops.sip.header.NameAddr;

/**
 * One Contact of a REGISTER with its expiry already resolved (param, else Expires header,
 * else default; clamped to the maximum) per RFC 3261 §10.3 step 6.
 *
 * @param expiresSeconds 0 asks to remove the binding
 */
record ContactRequest(NameAddr contact, double q, long expiresSeconds) {}
