package io.callops.proxy.registrar;

import io.callops.sip.HeaderName;
import io.callops.sip.SipRequest;
import io.callops.sip.SipResponse;
import io.callops.sip.uri.Uri;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static io.callops.proxy.registrar.RegisterMessages.UDP_FLOW;
import static io.callops.proxy.registrar.RegisterMessages.register;
import static org.assertj.core.api.Assertions.assertThat;

class RegistrarTest {

    private static final String ALICE = "sip:alice@example.com";

    private final AtomicLong now = new AtomicLong(5_000_000);
    private LocationService location;
    private Registrar registrar;

    @BeforeEach
    void setUp() {
        RegistrarSettings settings = new RegistrarSettings(60, 7200, 3600, 3);
        location = new LocationService(now::get, settings.maxContactsPerAor());
        registrar = new Registrar(settings, location,
                Clock.fixed(Instant.parse("2026-03-05T09:08:07Z"), ZoneOffset.UTC));
    }

    private SipResponse handle(SipRequest request) {
        return registrar.handle(request, UDP_FLOW);
    }

    private void advanceSeconds(long s) {
        now.addAndGet(s * 1000);
    }

    private List<String> contactUris(String aor) {
        return location.lookup(aor).stream().map(b -> b.contactUri().toString()).toList();
    }

    @Test
    void registersAndListsBindingWithDateAndToTag() {
        SipResponse r = handle(register(ALICE, "c1", 1, "Contact: <sip:alice@198.51.100.7:5062>",
                "User-Agent: Phone/1.0"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headerLines(HeaderName.CONTACT)).containsExactly("<sip:alice@198.51.100.7:5062>;expires=3600");
        assertThat(r.header(HeaderName.DATE)).isEqualTo("Thu, 05 Mar 2026 09:08:07 GMT");
        assertThat(r.toTag()).isNotBlank();
        List<Binding> bindings = location.lookup(ALICE);
        assertThat(bindings).hasSize(1);
        Binding b = bindings.get(0);
        assertThat(b.aor()).isEqualTo(ALICE);
        assertThat(b.q()).isEqualTo(1.0);
        assertThat(b.callId()).isEqualTo("c1");
        assertThat(b.cseq()).isEqualTo(1);
        assertThat(b.flow()).isEqualTo(UDP_FLOW);
        assertThat(b.userAgent()).isEqualTo("Phone/1.0");
        assertThat(b.registeredAtMs()).isEqualTo(now.get());
        assertThat(b.expiresAtMs()).isEqualTo(now.get() + 3_600_000);
        assertThat(registrar.describe(b)).contains(ALICE, "sip:alice@198.51.100.7:5062", "3600s", "UDP");
    }

    @Test
    void toTagIsTheSameForARetransmission() {
        SipRequest req = register(ALICE, "c1", 1, "Contact: <sip:alice@198.51.100.7>");
        String first = handle(req).toTag();
        assertThat(handle(register(ALICE, "c1", 1, "Contact: <sip:alice@198.51.100.7>")).toTag()).isEqualTo(first);
    }

    @Test
    void refreshUpdatesExpiry() {
        handle(register(ALICE, "c1", 1, "Contact: <sip:alice@198.51.100.7>", "Expires: 600"));
        advanceSeconds(500);
        SipResponse r = handle(register(ALICE, "c1", 2, "Contact: <sip:alice@198.51.100.7>", "Expires: 600"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headerLines(HeaderName.CONTACT)).containsExactly("<sip:alice@198.51.100.7>;expires=600");
        assertThat(location.lookup(ALICE)).singleElement().satisfies(b -> assertThat(b.cseq()).isEqualTo(2));
    }

    @Test
    void bindingExpiresAndIsPurged() {
        handle(register(ALICE, "c1", 1, "Contact: <sip:alice@198.51.100.7>;expires=120"));
        advanceSeconds(119);
        assertThat(location.lookup(ALICE)).hasSize(1);
        assertThat(registrar.describe(location.lookup(ALICE).get(0))).contains("expires=1s");
        advanceSeconds(1);

        assertThat(location.lookup(ALICE)).isEmpty();
        assertThat(location.bindingCount()).isZero();
        assertThat(location.aorCount()).isZero();
        assertThat(location.snapshot()).isEmpty();
        location.purgeExpired();
        assertThat(location.snapshot()).isEmpty();
    }

    @Test
    void expiresZeroRemovesOneBinding() {
        handle(register(ALICE, "c1", 1, "Contact: <sip:alice@198.51.100.7>, <sip:alice@198.51.100.8>"));
        SipResponse r = handle(register(ALICE, "c1", 2, "Contact: <sip:alice@198.51.100.7>;expires=0"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headerLines(HeaderName.CONTACT)).containsExactly("<sip:alice@198.51.100.8>;expires=3600");
        assertThat(contactUris(ALICE)).containsExactly("sip:alice@198.51.100.8");
    }

    @Test
    void expiresHeaderZeroRemovesBindingFromAnotherCallId() {
        handle(register(ALICE, "c1", 10, "Contact: <sip:alice@198.51.100.7>"));
        SipResponse r = handle(register(ALICE, "other", 1, "Contact: <sip:alice@198.51.100.7>", "Expires: 0"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headerLines(HeaderName.CONTACT)).isEmpty();
        assertThat(location.aorCount()).isZero();
    }

    @Test
    void wildcardRemovesAllBindings() {
        handle(register(ALICE, "c1", 1, "Contact: <sip:alice@198.51.100.7>, <sip:alice@198.51.100.8>"));
        handle(register(ALICE, "c2", 1, "Contact: <sip:alice@198.51.100.9>"));
        handle(register("sip:bob@example.com", "c3", 1, "Contact: <sip:bob@198.51.100.9>"));

        SipResponse r = handle(register(ALICE, "c4", 1, "Contact: *", "Expires: 0"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headerLines(HeaderName.CONTACT)).isEmpty();
        assertThat(location.lookup(ALICE)).isEmpty();
        assertThat(location.lookup("sip:bob@example.com")).hasSize(1);
    }

    @Test
    void wildcardMisuseIsRejected() {
        handle(register(ALICE, "c1", 1, "Contact: <sip:alice@198.51.100.7>"));
        List<SipRequest> bad = List.of(
                register(ALICE, "c2", 1, "Contact: *"),
                register(ALICE, "c2", 1, "Contact: *", "Expires: 3600"),
                register(ALICE, "c2", 1, "Contact: *", "Contact: <sip:alice@198.51.100.8>", "Expires: 0"),
                register(ALICE, "c2", 1, "Contact: *, <sip:alice@198.51.100.8>", "Expires: 0"),
                register(ALICE, "c2", 1, "Contact: *;expires=0", "Expires: 0"));
        for (SipRequest req : bad) {
            SipResponse r = handle(req);
            assertThat(r.statusCode()).as(req.toString()).isEqualTo(400);
            assertThat(r.reasonPhrase()).contains("Contact");
        }
        assertThat(location.lookup(ALICE)).hasSize(1);
    }

    @Test
    void wildcardFromSameCallIdWithOldCSeqFails() {
        handle(register(ALICE, "c1", 5, "Contact: <sip:alice@198.51.100.7>"));
        assertThat(handle(register(ALICE, "c1", 5, "Contact: *", "Expires: 0")).statusCode()).isEqualTo(500);
        assertThat(location.lookup(ALICE)).hasSize(1);
    }

    @Test
    void lookupOrdersByQThenMostRecent() {
        handle(register(ALICE, "c1", 1, "Contact: <sip:a@192.0.2.1>;q=0.5"));
        advanceSeconds(1);
        handle(register(ALICE, "c2", 1, "Contact: <sip:b@192.0.2.2>"));
        advanceSeconds(1);
        SipResponse r = handle(register(ALICE, "c3", 1, "Contact: <sip:c@192.0.2.3>;q=1.0"));

        assertThat(contactUris(ALICE)).containsExactly("sip:c@192.0.2.3", "sip:b@192.0.2.2", "sip:a@192.0.2.1");
        assertThat(r.headerLines(HeaderName.CONTACT)).containsExactly(
                "<sip:c@192.0.2.3>;expires=3600", "<sip:b@192.0.2.2>;expires=3599", "<sip:a@192.0.2.1>;q=0.5;expires=3598");
    }

    @Test
    void shortExpiryGets423WithMinExpires() {
        SipResponse r = handle(register(ALICE, "c1", 1, "Contact: <sip:alice@198.51.100.7>;expires=30"));

        assertThat(r.statusCode()).isEqualTo(423);
        assertThat(r.reasonPhrase()).isEqualTo("Interval Too Brief");
        assertThat(r.header(HeaderName.MIN_EXPIRES)).isEqualTo("60");
        assertThat(location.lookup(ALICE)).isEmpty();
        assertThat(handle(register(ALICE, "c1", 2, "Contact: <sip:alice@198.51.100.7>", "Expires: 59")).statusCode())
                .isEqualTo(423);
    }

    @Test
    void longExpiryIsLoweredToMaximum() {
        SipResponse r = handle(register(ALICE, "c1", 1, "Contact: <sip:alice@198.51.100.7>;expires=100000"));

        assertThat(r.headerLines(HeaderName.CONTACT)).containsExactly("<sip:alice@198.51.100.7>;expires=7200");
    }

    @Test
    void contactParamOverridesExpiresHeader() {
        SipResponse r = handle(register(ALICE, "c1", 1,
                "Contact: <sip:a@192.0.2.1>;expires=120, <sip:b@192.0.2.2>", "Expires: 300"));

        assertThat(r.headerLines(HeaderName.CONTACT))
                .containsExactlyInAnyOrder("<sip:a@192.0.2.1>;expires=120", "<sip:b@192.0.2.2>;expires=300");
    }

    @Test
    void sameCallIdWithCSeqNotHigherIsRejectedAsOutOfOrder() {
        handle(register(ALICE, "c1", 5, "Contact: <sip:alice@198.51.100.7>", "Expires: 600"));

        SipResponse same = handle(register(ALICE, "c1", 5, "Contact: <sip:alice@198.51.100.7>", "Expires: 0"));
        SipResponse lower = handle(register(ALICE, "c1", 4, "Contact: <SIP:alice@198.51.100.7>", "Expires: 0"));

        assertThat(same.statusCode()).isEqualTo(500);
        assertThat(same.reasonPhrase()).isEqualTo("Server Internal Error");
        assertThat(lower.statusCode()).isEqualTo(500);
        assertThat(location.lookup(ALICE)).singleElement().satisfies(b -> assertThat(b.cseq()).isEqualTo(5));
    }

    @Test
    void differentCallIdReplacesBindingWhateverItsCSeq() {
        handle(register(ALICE, "c1", 5, "Contact: <sip:alice@198.51.100.7>"));
        SipResponse r = handle(register(ALICE, "c2", 1, "Contact: <sip:alice@198.51.100.7>;q=0.7"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(location.lookup(ALICE)).singleElement().satisfies(b -> {
            assertThat(b.callId()).isEqualTo("c2");
            assertThat(b.q()).isEqualTo(0.7);
        });
    }

    @Test
    void fetchWithoutContactListsBindingsAndChangesNothing() {
        handle(register(ALICE, "c1", 1, "Contact: <sip:alice@198.51.100.7>"));
        advanceSeconds(10);
        List<Binding> before = location.lookup(ALICE);

        SipResponse r = handle(register(ALICE, "c9", 1));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headerLines(HeaderName.CONTACT)).containsExactly("<sip:alice@198.51.100.7>;expires=3590");
        assertThat(r.header(HeaderName.DATE)).isNotNull();
        assertThat(location.lookup(ALICE)).isEqualTo(before);
    }

    @Test
    void twoContactsInOneRegister() {
        SipResponse r = handle(register(ALICE, "c1", 1,
                "Contact: <sip:alice@198.51.100.7>;q=0.4", "m: \"Desk\" <sip:alice@198.51.100.8;transport=tcp>"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headerLines(HeaderName.CONTACT)).containsExactly(
                "<sip:alice@198.51.100.8;transport=tcp>;expires=3600", "<sip:alice@198.51.100.7>;q=0.4;expires=3600");
        assertThat(location.bindingCount()).isEqualTo(2);
        assertThat(location.aorCount()).isEqualTo(1);
    }

    @Test
    void sameContactTwiceInOneRegisterKeepsTheLast() {
        SipResponse r = handle(register(ALICE, "c1", 1,
                "Contact: <sip:alice@198.51.100.7>;expires=100, <sip:alice@198.51.100.7>;expires=200"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headerLines(HeaderName.CONTACT)).containsExactly("<sip:alice@198.51.100.7>;expires=200");
    }

    @Test
    void escapedUserAndHostCaseGiveTheSameAor() {
        String escaped = LocationService.aorKey(Uri.parse("sip:%61lice@example.com"));
        assertThat(escaped).isEqualTo(LocationService.aorKey(Uri.parse("sip:alice@EXAMPLE.com")));
        assertThat(escaped).isEqualTo("sip:alice@example.com");
        assertThat(LocationService.aorKey(Uri.parse("sips:alice@example.com:5061;transport=tcp"))).isEqualTo(escaped);
        assertThat(LocationService.aorKey(Uri.parse("tel:+15551234567"))).isNull();

        handle(register("sip:%61lice@example.com", "c1", 1, "Contact: <sip:alice@198.51.100.7>"));
        SipResponse fetch = handle(register("sip:alice@EXAMPLE.com", "c2", 1));

        assertThat(location.lookup("sip:alice@example.com")).hasSize(1);
        assertThat(fetch.headerLines(HeaderName.CONTACT)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"isbn:2983792873", "tel:+15551234567", "mailto:alice@example.com"})
    void nonSipToIsBadRequest(String to) {
        SipResponse r = handle(register(to, "c1", 1, "Contact: <sip:alice@198.51.100.7>"));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.reasonPhrase()).contains("To");
        assertThat(location.aorCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Expires: soon", "Expires: -1", "Expires: 99999999999999999999"})
    void malformedExpiresIsBadRequest(String header) {
        SipResponse r = handle(register(ALICE, "c1", 1, "Contact: <sip:alice@198.51.100.7>", header));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.reasonPhrase()).contains("Expires");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Contact: <sip:alice@198.51.100.7", "Contact: <sip:alice@198.51.100.7>;expires=abc",
            "Contact: <sip:alice@198.51.100.7>;q=2", "Contact: <sip:@>"})
    void malformedContactIsBadRequest(String header) {
        SipResponse r = handle(register(ALICE, "c1", 1, header));

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.reasonPhrase()).contains("Contact");
        assertThat(location.aorCount()).isZero();
    }

    @Test
    void tooManyContactsIsForbiddenAndStoresNothing() {
        handle(register(ALICE, "c1", 1, "Contact: <sip:a@192.0.2.1>, <sip:b@192.0.2.2>"));

        SipResponse r = handle(register(ALICE, "c2", 1, "Contact: <sip:c@192.0.2.3>, <sip:d@192.0.2.4>"));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.reasonPhrase()).isEqualTo("Too Many Contacts");
        assertThat(contactUris(ALICE)).containsExactlyInAnyOrder("sip:a@192.0.2.1", "sip:b@192.0.2.2");
        // Replacing one while adding one stays within the limit.
        assertThat(handle(register(ALICE, "c2", 2, "Contact: <sip:a@192.0.2.1>;expires=0, <sip:c@192.0.2.3>, "
                + "<sip:d@192.0.2.4>")).statusCode()).isEqualTo(200);
        assertThat(location.bindingCount()).isEqualTo(3);
    }

    @Test
    void snapshotListsLiveBindingsPerAor() {
        handle(register(ALICE, "c1", 1, "Contact: <sip:a@192.0.2.1>"));
        handle(register("sip:bob@example.com", "c2", 1, "Contact: <sip:b@192.0.2.2>;expires=60"));
        advanceSeconds(60);

        assertThat(location.snapshot()).containsOnlyKeys(ALICE);
        location.purgeExpired();
        assertThat(location.snapshot()).containsOnlyKeys(ALICE);
        assertThat(location.aorCount()).isEqualTo(1);
    }
}
