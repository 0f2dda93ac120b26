package io.callops.dialog;

import io.callops.proxy.CallControl;
import io.callops.proxy.FailureHandler;
import io.callops.proxy.RequestContext;
import io.callops.proxy.RouteTable;
import io.callops.proxy.Target;
import io.callops.sip.SipRequest;
import io.callops.transport.Flow;
import java.util.List;

/**
 * A request in routing as the dialog layer sees it: the request, the flow it came on, and
 * whether someone answered it. The routing primitives the layer never calls fail loudly.
 */
final class RoutedRequest implements RequestContext {
    private final SipRequest request;
    private final Flow flow;
    private int replyCode;

    RoutedRequest(SipRequest request, Flow flow) {
        this.request = request;
        this.flow = flow;
    }

    @Override
    public SipRequest request() {
        return request;
    }

    @Override
    public Flow flow() {
        return flow;
    }

    @Override
    public void reply(int code, String reason) {
        replyCode = code;
    }

    /** The status a listener answered with, 0 when none did. */
    int replyCode() {
        return replyCode;
    }

    @Override
    public boolean decided() {
        return replyCode != 0;
    }

    private static UnsupportedOperationException notForDialogs() {
        return new UnsupportedOperationException("the dialog layer does not route");
    }

    @Override public boolean isForUs() { throw notForDialogs(); }
    @Override public boolean looseRoute() { throw notForDialogs(); }
    @Override public void createDialog() { throw notForDialogs(); }
    @Override public Object dialogValue(String name) { throw notForDialogs(); }
    @Override public boolean setDialogValue(String name, Object value) { throw notForDialogs(); }
    @Override public boolean setDialogTimeout(int seconds) { throw notForDialogs(); }
    @Override public void recordRoute() { throw notForDialogs(); }
    @Override public void relay() { throw notForDialogs(); }
    @Override public void relay(Target target) { throw notForDialogs(); }
    @Override public void fork(List<Target> targets) { throw notForDialogs(); }
    @Override public void drop() { throw notForDialogs(); }
    @Override public void onFailure(FailureHandler handler) { throw notForDialogs(); }
    @Override public void saveRegistration() { throw notForDialogs(); }
    @Override public List<Target> lookupLocation() { throw notForDialogs(); }
    @Override public RouteTable routes() { throw notForDialogs(); }
    @Override public CallControl callControl() { throw notForDialogs(); }
}
