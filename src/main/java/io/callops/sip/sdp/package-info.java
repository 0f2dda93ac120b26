/**
 * SDP (RFC 8866, formerly RFC 4566) as this proxy needs it for hold and resume: a line-preserving
 * model whose only edits are media direction attributes and the {@code o=} version, so everything
 * else the endpoints wrote is forwarded byte for byte. {@link io.callops.sip.sdp.HoldRewrite} holds
 * the hold/resume policy of RFC 3264 §8.4 and RFC 6337.
 */
package io.callops.sip.sdp;
