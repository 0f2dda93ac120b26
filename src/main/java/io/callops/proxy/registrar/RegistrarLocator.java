package io.callops.proxy.registrar;

import io.callops.proxy.Locator;
import io.callops.proxy.Target;
import io.callops.sip.SipRequest;
import io.callops.sip.SipResponse;
import io.callops.sip.uri.Uri;
import io.callops.transport.Flow;
import io.callops.transport.TransportType;
import java.util.ArrayList;
import java.util.List;

/**
 * The registrar and location service behind the routing API. A contact registered over TCP
 * is reached on the connection its REGISTER came on (RFC 5626 idea of a flow, without the
 * outbound extension): a phone behind NAT or a firewall can only be reached that way.
 */
public final class RegistrarLocator implements Locator {
    private final Registrar registrar;

    public RegistrarLocator(Registrar registrar) {
        this.registrar = registrar;
    }

    @Override
    public SipResponse register(SipRequest register, Flow flow) {
        return registrar.handle(register, flow);
    }

    @Override
    public List<Target> lookup(String uri) {
        String key;
        try {
            key = LocationService.aorKey(Uri.parse(uri));
        } catch (RuntimeException e) {
            return List.of();
        }
        if (key == null) {
            return List.of();
        }
        List<Target> out = new ArrayList<>();
        for (Binding b : registrar.locationService().lookup(key)) {
            Flow flow = b.flow().transport() == TransportType.TCP ? b.flow() : null;
            out.add(new Target(b.contactUri().toString(), null, flow));
        }
        return out;
    }
}
