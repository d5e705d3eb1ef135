package org.jcedar.security.authz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import org.jcedar.security.Permission;
import org.junit.jupiter.api.Test;

class AuthorizerTest {
    private static final InetAddress LOCAL = InetAddress.getLoopbackAddress();

    private static Authorizer authorizer(Map<String, String> knobs) {
        return new Authorizer(name -> Optional.ofNullable(knobs.get(name)), "COLLECTOR");
    }

    @Test
    void theStockNineZeroPolicyGrantsWhatItSays() throws Exception {
        // use security:recommended_v9_0 (20 §16.1)
        Authorizer a = authorizer(Map.of("ALLOW_READ", "*", "ALLOW_WRITE", "*",
                "ALLOW_DAEMON", "condor@* condor_pool@*", "ALLOW_NEGOTIATOR", "condor@* condor_pool@*",
                "ALLOW_ADMINISTRATOR", "condor@* condor_pool@* root@*"));
        assertTrue(a.isAuthorized(Permission.READ, "nobody@x.test", LOCAL));
        assertTrue(a.isAuthorized(Permission.WRITE, "unauthenticated@unmapped", LOCAL));
        assertFalse(a.isAuthorized(Permission.DAEMON, "nobody@x.test", LOCAL));
        assertTrue(a.isAuthorized(Permission.DAEMON, "condor@x.test", LOCAL));
        assertTrue(a.isAuthorized(Permission.DAEMON, "condor@password", LOCAL));
        assertTrue(a.isAuthorized(Permission.ADMINISTRATOR, "root@x.test", LOCAL));
        assertFalse(a.isAuthorized(Permission.ADMINISTRATOR, "alice@x.test", LOCAL));
        // ADVERTISE_* fall back to DAEMON through the configuration chain
        assertTrue(a.isAuthorized(Permission.ADVERTISE_SCHEDD, "condor@x.test", LOCAL));
        assertFalse(a.isAuthorized(Permission.ADVERTISE_SCHEDD, "alice@x.test", LOCAL));
        // no ALLOW_CONFIG: closed
        assertFalse(a.isAuthorized(Permission.CONFIG, "condor@x.test", LOCAL));
        assertTrue(a.isAuthorized(Permission.ALLOW, "anyone", LOCAL));
    }

    @Test
    void aLevelIsGrantedToWhoeverHoldsALevelThatImpliesIt() throws Exception {
        // (with no ALLOW_WRITE, WRITE would be open to all, and WRITE implies READ)
        Authorizer a = authorizer(Map.of("ALLOW_READ", "alice@x.test", "ALLOW_WRITE", "dave@x.test",
                "ALLOW_ADMINISTRATOR", "bob@x.test"));
        assertTrue(a.isAuthorized(Permission.READ, "alice@x.test", LOCAL));
        assertTrue(a.isAuthorized(Permission.READ, "bob@x.test", LOCAL)); // ADMINISTRATOR -> WRITE -> READ
        assertFalse(a.isAuthorized(Permission.READ, "carol@x.test", LOCAL));
    }

    @Test
    void denyBeatsAllow() throws Exception {
        Authorizer a = authorizer(Map.of("ALLOW_WRITE", "*@x.test", "DENY_WRITE", "mallory@x.test"));
        assertTrue(a.isAuthorized(Permission.WRITE, "alice@x.test", LOCAL));
        assertFalse(a.isAuthorized(Permission.WRITE, "mallory@x.test", LOCAL));
        Authorizer everyoneDenied = authorizer(Map.of("ALLOW_READ", "*", "DENY_READ", "*"));
        assertFalse(everyoneDenied.isAuthorized(Permission.READ, "alice@x.test", LOCAL));
    }

    @Test
    void wildcardsAreAnchoredUnlike2396() throws Exception {
        Authorizer a = authorizer(Map.of("ALLOW_WRITE", "*@example.org"));
        assertTrue(a.isAuthorized(Permission.WRITE, "x@example.org", LOCAL));
        assertFalse(a.isAuthorized(Permission.WRITE, "x@example.org.evil", LOCAL));
        assertTrue(a.isAuthorized(Permission.WRITE, "X@EXAMPLE.ORG", LOCAL)); // case-insensitive
    }

    @Test
    void aBareClaimToBeNameDoesNotMatchAUserAtDomainPattern() throws Exception {
        Authorizer a = authorizer(Map.of("ALLOW_WRITE", "condor@*"));
        assertFalse(a.isAuthorized(Permission.WRITE, "condor", LOCAL));
        assertTrue(a.isAuthorized(Permission.WRITE, "condor@anything", LOCAL));
    }

    @Test
    void hostPartsMatchAddresses() throws Exception {
        Authorizer a = authorizer(Map.of("ALLOW_WRITE", "*/127.0.0.0/8, alice@*/10.1.*",
                "ALLOW_NEGOTIATOR", "192.168.0.0/255.255.0.0"));
        assertTrue(a.isAuthorized(Permission.WRITE, "anyone@x", LOCAL));
        assertTrue(a.isAuthorized(Permission.WRITE, "alice@x", InetAddress.getByName("10.1.2.3")));
        assertFalse(a.isAuthorized(Permission.WRITE, "bob@x", InetAddress.getByName("10.1.2.3")));
        assertTrue(a.isAuthorized(Permission.NEGOTIATOR, "n@x", InetAddress.getByName("192.168.7.7")));
        assertFalse(a.isAuthorized(Permission.NEGOTIATOR, "n@x", InetAddress.getByName("192.169.7.7")));
    }

    @Test
    void subsystemSpecificKnobsWin() throws Exception {
        Authorizer a = authorizer(Map.of("ALLOW_DAEMON", "condor@*", "ALLOW_DAEMON_COLLECTOR", "alice@*"));
        assertTrue(a.isAuthorized(Permission.DAEMON, "alice@x", LOCAL));
        assertFalse(a.isAuthorized(Permission.DAEMON, "condor@x", LOCAL));
    }
}
