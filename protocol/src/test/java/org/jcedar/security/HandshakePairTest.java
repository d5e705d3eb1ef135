package org.jcedar.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jcedar.security.method.ClientMethods;
import org.jcedar.security.method.ServerMethods;
import org.jcedar.security.method.anonymous.AnonymousClient;
import org.jcedar.security.method.anonymous.AnonymousServer;
import org.jcedar.security.method.claimtobe.ClaimToBeClient;
import org.jcedar.security.method.claimtobe.ClaimToBeServer;
import org.junit.jupiter.api.Test;

/** Logic of the two state machines together (jcedar on both sides: no wire proof, see HandshakePair). */
class HandshakePairTest {
    private static final Map<String, String> STOCK = Map.of(
            "SEC_DEFAULT_AUTHENTICATION", "REQUIRED", "SEC_DEFAULT_ENCRYPTION", "REQUIRED",
            "SEC_DEFAULT_INTEGRITY", "REQUIRED", "SEC_READ_AUTHENTICATION", "OPTIONAL",
            "SEC_READ_ENCRYPTION", "OPTIONAL", "SEC_READ_INTEGRITY", "OPTIONAL",
            "SEC_DEFAULT_AUTHENTICATION_METHODS", "ANONYMOUS, CLAIMTOBE",
            "ALLOW_READ", "*", "ALLOW_WRITE", "*", "ALLOW_ADMINISTRATOR", "admin@pair.test");

    private static final ServerMethods SERVER_METHODS = (method, offer) -> switch (method) {
        case CLAIMTOBE -> Optional.of(new ClaimToBeServer(true, "pair.test"));
        case ANONYMOUS -> Optional.of(new AnonymousServer());
        default -> Optional.empty();
    };

    private static ClientMethods claiming(String who) {
        return (method, offer) -> switch (method) {
            case CLAIMTOBE -> Optional.of(new ClaimToBeClient(who));
            case ANONYMOUS -> Optional.of(new AnonymousClient());
            default -> Optional.empty();
        };
    }

    @Test
    void theServersOrderDecidesTheMethodAndAesIsOn() throws Exception {
        HandshakePair.Outcome o = HandshakePair.run(HandshakePair.client(HandshakePair.COMMAND, OptionalInt.empty(),
                        HandshakePair.policy(Requirement.REQUIRED, List.of(AuthMethod.CLAIMTOBE, AuthMethod.ANONYMOUS)),
                        claiming("alice")),
                HandshakePair.server(STOCK, SERVER_METHODS, new SessionCache(10)));
        ClientSession s = o.client().orElseThrow(() -> o.clientError().get());
        assertEquals(Optional.of(AuthMethod.ANONYMOUS), s.method());
        assertEquals("CONDOR_ANONYMOUS_USER", s.mappedUser());
        assertEquals(Optional.of(CryptoMethod.AES), s.cipher());
        assertTrue(o.server().isPresent());
    }

    @Test
    void aDeniedLevelIsReportedAsHtcondorReportsIt() throws Exception {
        Map<String, String> claimOnly = new java.util.HashMap<>(STOCK);
        claimOnly.put("SEC_DEFAULT_AUTHENTICATION_METHODS", "CLAIMTOBE");
        HandshakePair.Outcome o = HandshakePair.run(HandshakePair.client(60040, OptionalInt.of(60023),
                        HandshakePair.policy(Requirement.REQUIRED, List.of(AuthMethod.CLAIMTOBE)), claiming("bob")),
                HandshakePair.server(claimOnly, SERVER_METHODS, new SessionCache(10)));
        assertEquals("SECMAN:2010:Received \"DENIED\" from server for user bob@pair.test using method CLAIMTOBE.",
                o.clientError().orElseThrow().getMessage());
        assertTrue(o.serverClosed().isPresent());
    }

    @Test
    void anUnknownCommandIsClosedWithoutAWord() throws Exception {
        HandshakePair.Outcome o = HandshakePair.run(HandshakePair.client(12345, OptionalInt.empty(),
                        HandshakePair.policy(Requirement.REQUIRED, List.of(AuthMethod.CLAIMTOBE)), claiming("bob")),
                HandshakePair.server(STOCK, SERVER_METHODS, new SessionCache(10)));
        assertEquals(List.of(new CondorError("SECMAN", 2011,
                "Connection closed during command authorization. Probably due to an unknown command.")),
                o.clientError().orElseThrow().errors());
    }

    @Test
    void noCommonMethodFailsOnBothSides() throws Exception {
        HandshakePair.Outcome o = HandshakePair.run(HandshakePair.client(HandshakePair.COMMAND, OptionalInt.empty(),
                        HandshakePair.policy(Requirement.REQUIRED, List.of(AuthMethod.FS)), claiming("bob")),
                HandshakePair.server(STOCK, SERVER_METHODS, new SessionCache(10)));
        assertTrue(o.clientError().isPresent());
        assertTrue(o.server().isEmpty());
    }

    @Test
    void aFailedMethodFallsBackToTheNext() throws Exception {
        ServerMethods refusingClaims = (method, offer) -> method == AuthMethod.CLAIMTOBE
                ? Optional.of(new ClaimToBeServer(true, "pair.test")) : SERVER_METHODS.create(method, offer);
        Map<String, String> claimFirst = new java.util.HashMap<>(STOCK);
        claimFirst.put("SEC_DEFAULT_AUTHENTICATION_METHODS", "CLAIMTOBE, ANONYMOUS");
        HandshakePair.Outcome o = HandshakePair.run(HandshakePair.client(HandshakePair.COMMAND, OptionalInt.empty(),
                        HandshakePair.policy(Requirement.REQUIRED, List.of(AuthMethod.CLAIMTOBE, AuthMethod.ANONYMOUS)),
                        claiming("")), // an empty claim is refused
                HandshakePair.server(claimFirst, refusingClaims, new SessionCache(10)));
        ClientSession s = o.client().orElseThrow(() -> o.clientError().get());
        assertEquals(Optional.of(AuthMethod.ANONYMOUS), s.method());
    }

    @Test
    void readWithoutCredentialsGetsAesWithoutAuthenticationLikeHtcondor25() throws Exception {
        HandshakePair.Outcome o = HandshakePair.run(HandshakePair.client(60040, OptionalInt.of(60020),
                        HandshakePair.policy(Requirement.OPTIONAL, List.of(AuthMethod.CLAIMTOBE)), claiming("bob")),
                HandshakePair.server(STOCK, SERVER_METHODS, new SessionCache(10)));
        ClientSession s = o.client().orElseThrow(() -> o.clientError().get());
        assertEquals("unauthenticated@unmapped", s.mappedUser());
        assertEquals(Optional.empty(), s.method());
        assertEquals(Optional.of(CryptoMethod.AES), s.cipher());
    }

    @Test
    void aClaimToBeSessionIsLimitedToTheLevelItWasMadeFor() throws Exception {
        Map<String, String> claimOnly = new java.util.HashMap<>(STOCK);
        claimOnly.put("SEC_DEFAULT_AUTHENTICATION_METHODS", "CLAIMTOBE");
        HandshakePair.Outcome o = HandshakePair.run(HandshakePair.client(HandshakePair.COMMAND, OptionalInt.empty(),
                        HandshakePair.policy(Requirement.REQUIRED, List.of(AuthMethod.CLAIMTOBE)), claiming("carol")),
                HandshakePair.server(claimOnly, SERVER_METHODS, new SessionCache(10)));
        ServerSession session = o.server().orElseThrow().session();
        assertEquals("WRITE,READ", session.limits().orElseThrow().wireValue());
    }
}
