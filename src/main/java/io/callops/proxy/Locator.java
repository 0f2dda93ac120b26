package io.callops.proxy;

import io.callops.sip.SipRequest;
import io.callops.sip.SipResponse;
import io.callops.transport.Flow;
import java.util.List;

/** The registrar and location service as the proxy core sees them. */
public interface Locator {

    /** Processes a REGISTER for one of our domains and returns the answer. */
    SipResponse register(SipRequest register, Flow flow);

    /** The contacts registered for the address of record of {@code uri}, best first. */
    List<Target> lookup(String uri);
}
