package org.jcedar.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.jcedar.classad.ClassAd;
import org.jcedar.keys.ProcessIdentity;
import org.jcedar.keys.SigningKeyStore;
import org.jcedar.keys.TokenClaims;
import org.jcedar.keys.TokenVerifier;
import org.jcedar.security.authz.AuthorizationLimits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token-request workflow's rules, run on a clock we move: the life of a request, who may approve what,
 * auto-approval, and the limits that keep a flood of requests from hurting the daemon. (The interop test
 * MockTokenRequestInteropTest compares the same flows with a real collector through the real tools.)
 */
class TokenRequestsTest {
    private static final String DOMAIN = "requests.test";
    private static final TokenRequests.Caller USER = caller("alice@requests.test", "FS", true, false);
    private static final TokenRequests.Caller ADMIN = caller("admin@requests.test", "FS", true, true);

    @TempDir
    Path keys;

    private final MovableClock clock = new MovableClock(1_800_000_000L);
    private SigningKeyStore store;

    @BeforeEach
    void keys() throws Exception {
        store = new SigningKeyStore(Optional.of(keys), Optional.of(keys.resolve("POOL")), false,
                Pattern.compile(SigningKeyStore.DEFAULT_EXCLUDE_REGEXP), ProcessIdentity.realUid());
        store.create("POOL", new byte[64]);
    }

    @Test
    void aRequestIsPendingUntilApprovedThenItsTokenIsHandedOutOnce() throws Exception {
        TokenRequests requests = requests(settings());
        ClassAd started = requests.start(request("alice@requests.test", "READ", 600), USER);
        String id = started.getString("RequestId").orElseThrow();
        assertTrue(id.matches("\\d{7}"), id);

        assertEquals(Optional.of(""), requests.finish(poll(id)).getString("Token"));
        List<ClassAd> listed = requests.list(ClassAd.empty(), ADMIN);
        assertEquals(2, listed.size());
        assertEquals("READ", listed.get(0).getString("LimitAuthorization").orElseThrow());
        assertEquals(600L, listed.get(0).getInteger("TokenLifetime").orElseThrow());
        assertEquals(0L, listed.get(1).getInteger("Owner").orElseThrow());
        assertEquals(0L, requests.approve(approval(id), ADMIN).getInteger("ErrorCode").orElseThrow());

        TokenClaims claims = verify(requests.finish(poll(id)).getString("Token").orElseThrow());
        assertEquals("alice@requests.test", claims.subject());
        assertEquals(List.of("READ"), claims.authorizations());
        assertEquals(600, claims.expiresAt().getAsLong() - claims.issuedAt().getAsLong());
        assertEquals(3L, requests.finish(poll(id)).getInteger("ErrorCode").orElseThrow());
        assertEquals(0, requests.size());
    }

    @Test
    void requestsMustComeEncryptedAndAuthenticated() {
        TokenRequests requests = requests(settings());
        for (TokenRequests.Caller caller : List.of(caller("a@requests.test", "FS", false, false),
                caller("a@requests.test", "ANONYMOUS", true, false), caller("a@requests.test", null, true, false))) {
            ClassAd reply = requests.start(request("a@requests.test", "READ", 60), caller);
            assertEquals(7L, reply.getInteger("ErrorCode").orElseThrow(), reply::toString);
        }
        assertEquals(0, requests.size());
    }

    @Test
    void theLimitsAndTheExpirationKnobShapeTheRequest() {
        TokenRequests requests = requests(new TokenRequests.Settings(true, List.of("WRITE", "READ"),
                OptionalLong.of(120), 3600, 3600, 10));
        assertEquals(3L, requests.start(request("a@x", "ADMINISTRATOR", 60), USER).getInteger("ErrorCode")
                .orElseThrow());
        requests.start(ClassAd.builder().set("ClientId", "c").set("User", "a@x").set("TokenLifetime", 7200).build(),
                USER);
        ClassAd listed = requests.list(ClassAd.empty(), ADMIN).get(0);
        assertEquals("READ,WRITE", listed.getString("LimitAuthorization").orElseThrow());
        assertEquals(120L, listed.getInteger("TokenLifetime").orElseThrow());
    }

    @Test
    void atMostAThousandRequestsAreTakenThenTheAnswerIsEmpty() {
        TokenRequests requests = requests(settings());
        for (int i = 0; i <= TokenRequests.MAX_REQUESTS; i++) {
            assertTrue(requests.start(request("a@x", "READ", 60), USER).contains("RequestId"), "request " + i);
        }

        assertEquals(ClassAd.empty(), requests.start(request("a@x", "READ", 60), USER));
        assertEquals(TokenRequests.MAX_REQUESTS + 1, requests.size());
    }

    @Test
    void pendingRequestsExpireAndAreForgottenAnHourLater() {
        TokenRequests requests = requests(settings());
        String id = requests.start(request("a@x", "READ", 60), USER).getString("RequestId").orElseThrow();
        clock.advance(3601);
        assertEquals(5L, requests.finish(poll(id)).getInteger("ErrorCode").orElseThrow());

        String other = requests.start(request("a@x", "READ", 60), USER).getString("RequestId").orElseThrow();
        clock.advance(3600 + 3601);
        assertEquals(3L, requests.finish(poll(other)).getInteger("ErrorCode").orElseThrow());
        assertEquals(0, requests.size());
    }

    @Test
    void pollingFasterThanTheRateLimitIsToldTheRequestIsUnknown() {
        TokenRequests requests = requests(settings());
        String id = requests.start(request("a@x", "READ", 60), USER).getString("RequestId").orElseThrow();
        for (int i = 0; i < 200; i++) {
            requests.finish(poll(id));
        }
        clock.advance(1);
        assertEquals(3L, requests.finish(poll(id)).getInteger("ErrorCode").orElseThrow());
        clock.advance(60);
        assertEquals(Optional.of(""), requests.finish(poll(id)).getString("Token"), "the average decays");
    }

    @Test
    void aNonAdministratorApprovesOnlyItsOwnRequestsWithinItsScopeAndLifetime() {
        TokenRequests requests = requests(settings());
        String forBob = requests.start(request("bob@x", "READ", 60), USER).getString("RequestId").orElseThrow();
        String wide = requests.start(request("alice@requests.test", "WRITE", 60), USER).getString("RequestId")
                .orElseThrow();
        String longLived = requests.start(request("alice@requests.test", "READ", 7200), USER)
                .getString("RequestId").orElseThrow();
        TokenRequests.Caller scoped = new TokenRequests.Caller("alice@requests.test", "127.0.0.1", Optional.of("IDTOKENS"),
                true, Optional.of(AuthorizationLimits.parse("READ")), Optional.of(clock.now() + 3600), false);

        assertEquals(6L, code(requests.approve(approval(forBob), scoped)));
        assertEquals(7L, code(requests.approve(approval(wide), scoped)));
        assertEquals(8L, code(requests.approve(approval(longLived), scoped)));
        assertEquals(0L, code(requests.approve(approval(longLived), ADMIN)));
        assertEquals(5L, code(requests.approve(approval(longLived), ADMIN)), "no longer pending");
        assertEquals(5L, code(requests.approve(ClassAd.builder().set("RequestId", forBob).set("ClientId", "wrong")
                .build(), ADMIN)));
    }

    @Test
    void anAutoApprovalRuleApprovesDaemonRequestsFromItsNetworkOnly() {
        TokenRequests requests = requests(settings());
        assertEquals(-1L, code(requests.autoApprove(rule("127.0.0.0/8", 0))));
        assertEquals(-2L, code(requests.autoApprove(rule("not a network", 60))));
        String before = requests.start(request("condor@x", "ADVERTISE_STARTD", -1), USER).getString("RequestId")
                .orElseThrow();
        String user = requests.start(request("alice@x", "ADVERTISE_STARTD", -1), USER).getString("RequestId")
                .orElseThrow();
        clock.advance(30);

        assertEquals(0L, code(requests.autoApprove(rule("127.0.0.0/8", 600))));

        assertFalse(requests.finish(poll(before)).getString("Token").orElseThrow().isEmpty());
        assertEquals(Optional.of(""), requests.finish(poll(user)).getString("Token"));
        ClassAd direct = requests.start(request("condor@x", "ADVERTISE_SCHEDD", 300), USER);
        assertTrue(direct.getString("Token").isPresent(), direct::toString);
        TokenRequests.Caller elsewhere = new TokenRequests.Caller("a@x", "10.1.2.3", Optional.of("FS"), true,
                Optional.empty(), Optional.empty(), false);
        assertFalse(requests.start(request("condor@x", "ADVERTISE_SCHEDD", 300), elsewhere).contains("Token"));
    }

    @Test
    void disabledRequestsAreRefusedWithCode44() {
        TokenRequests requests = requests(new TokenRequests.Settings(false, List.of(), OptionalLong.empty(), 3600,
                3600, 10));
        assertEquals(44L, requests.disabledReply().orElseThrow().getInteger("ErrorCode").orElseThrow());
        assertTrue(requests(settings()).disabledReply().isEmpty());
    }

    @Test
    void netblocksAreParsedAsHtcondorDoes() {
        assertTrue(Netblock.parse("*").orElseThrow().contains("10.9.8.7"));
        assertTrue(Netblock.parse("127.0.0.1/99").orElseThrow().contains("127.0.0.1"));
        assertFalse(Netblock.parse("127.0.0.1/99").orElseThrow().contains("127.0.0.2"));
        assertTrue(Netblock.parse("10.0.0.0/255.0.0.0").orElseThrow().contains("10.200.0.1"));
        assertTrue(Netblock.parse("10.1.*").orElseThrow().contains("10.1.7.7"));
        assertFalse(Netblock.parse("10.1.*").orElseThrow().contains("10.2.7.7"));
        assertTrue(Netblock.parse("fe80::/10").orElseThrow().contains("fe80::1"));
        assertFalse(Netblock.parse("fe80::/10").orElseThrow().contains("127.0.0.1"));
        assertTrue(Netblock.parse("10.0.0.0/255.0.255.0").isEmpty());
        assertTrue(Netblock.parse("localhost").isEmpty());
        assertTrue(Netblock.parse("300.1.1.1").isEmpty());
    }

    private TokenRequests requests(TokenRequests.Settings settings) {
        SecureRandom random = new SecureRandom();
        return new TokenRequests(settings, new TokenGenerator(store, DOMAIN, "POOL", clock, random), clock, random);
    }

    private static TokenRequests.Settings settings() {
        return new TokenRequests.Settings(true, List.of(), OptionalLong.empty(), 3600, 3600, 10);
    }

    private static TokenRequests.Caller caller(String identity, String method, boolean encrypted, boolean admin) {
        return new TokenRequests.Caller(identity, "127.0.0.1", Optional.ofNullable(method), encrypted,
                Optional.empty(), Optional.empty(), admin);
    }

    private static ClassAd request(String user, String authz, long lifetime) {
        ClassAd.Builder ad = ClassAd.builder().set("ClientId", "client-1").set("User", user)
                .set("LimitAuthorization", authz);
        if (lifetime > 0) {
            ad.set("TokenLifetime", lifetime);
        }
        return ad.build();
    }

    private static ClassAd poll(String id) {
        return ClassAd.builder().set("ClientId", "client-1").set("RequestId", id).build();
    }

    private static ClassAd approval(String id) {
        return poll(id);
    }

    private static ClassAd rule(String netblock, long lifetime) {
        return ClassAd.builder().set("Subnet", netblock).set("Lifetime", lifetime).build();
    }

    private static long code(ClassAd reply) {
        return reply.getInteger("ErrorCode").orElseThrow();
    }

    private TokenClaims verify(String token) throws Exception {
        return new TokenVerifier(store, clock, Optional.of(DOMAIN), Optional.empty()).verify(token).claims();
    }

    /** A clock tests move forward by whole seconds. */
    private static final class MovableClock extends Clock {
        private long seconds;

        MovableClock(long seconds) {
            this.seconds = seconds;
        }

        void advance(long by) {
            seconds += by;
        }

        long now() {
            return seconds;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(seconds);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
