package org.jcedar.it.security;

import static org.jcedar.it.real.RealPool.UNPRIVILEGED_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jcedar.it.real.ExecResult;
import org.jcedar.it.real.RealHtcondor;
import org.jcedar.it.real.RealHtcondorTest;
import org.jcedar.keys.ProcessIdentity;
import org.jcedar.keys.SigningKeyStore;
import org.jcedar.keys.TokenClaims;
import org.jcedar.keys.TokenSigner;

/**
 * Real condor_ping (HTCondor 23.x and 25.x, run as an unprivileged user in its chroot) against jcedar's daemon: every
 * authentication method jcedar serves, and authorization, as the real tool reports them.
 */
class RealPingAgainstJcedarTest {
    private static final String USER = UNPRIVILEGED_USER;
    private static final String MAPPED = USER + "@" + JcedarDaemon.TRUST_DOMAIN;

    private static Map<String, String> daemonKnobs(String methods) {
        return new HashMap<>(Map.of("SEC_DEFAULT_AUTHENTICATION", "REQUIRED", "SEC_DEFAULT_ENCRYPTION", "REQUIRED",
                "SEC_DEFAULT_INTEGRITY", "REQUIRED", "SEC_DEFAULT_AUTHENTICATION_METHODS", methods,
                "ALLOW_READ", "*", "ALLOW_WRITE", "*", "ALLOW_ADMINISTRATOR", MAPPED + ", alice@" + JcedarDaemon.TRUST_DOMAIN));
    }

    private static Map<String, String> clientKnobs(String methods) {
        return new HashMap<>(Map.of("SEC_CLIENT_AUTHENTICATION_METHODS", methods,
                "SEC_CLIENT_AUTHENTICATION", "REQUIRED", "UID_DOMAIN", JcedarDaemon.TRUST_DOMAIN));
    }

    private static ExecResult ping(RealHtcondor htcondor, JcedarDaemon daemon, Map<String, String> client, String level)
            throws Exception {
        Path config = ToolConfig.write(client);
        return htcondor.run(USER, Map.of("CONDOR_CONFIG", config.toString()), "condor_ping", "-addr",
                daemon.address(), "-verbose", level);
    }

    /** The value condor_ping -verbose prints for {@code field}. */
    private static String field(ExecResult ping, String field) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(field) + ":\\s+(.*)$").matcher(ping.stdout());
        assertTrue(m.find(), () -> "no '" + field + "' in\n" + ping.describe());
        return m.group(1).strip();
    }

    private static void assertAuthorized(ExecResult ping, String method, String mapping) {
        assertTrue(ping.succeeded(), ping::describe);
        assertEquals(method, field(ping, "Authenticated using"), ping::describe);
        assertEquals(mapping, field(ping, "Remote Mapping"), ping::describe);
        assertEquals("AES", field(ping, "Encryption"), ping::describe);
        assertEquals("AES", field(ping, "Integrity"), ping::describe);
        assertEquals("TRUE", field(ping, "Authorized"), ping::describe);
    }

    @RealHtcondorTest
    void fsMapsTheUserWhoMadeTheDirectory(RealHtcondor htcondor) throws Exception {
        htcondor.shareHostTmp();
        try (JcedarDaemon daemon = JcedarDaemon.start(daemonKnobs("FS"))) {
            for (String level : List.of("READ", "WRITE", "ADMINISTRATOR")) {
                assertAuthorized(ping(htcondor, daemon, clientKnobs("FS"), level), "FS", MAPPED);
            }
            assertTrue(daemon.log().contains("identity=" + MAPPED + " method=FS"), daemon.log());
        }
    }

    @RealHtcondorTest
    void claimToBeTrustsTheClaim(RealHtcondor htcondor) throws Exception {
        htcondor.shareHostTmp();
        try (JcedarDaemon daemon = JcedarDaemon.start(daemonKnobs("CLAIMTOBE"))) {
            // 23.x claims the bare user name, 25.x adds its UID_DOMAIN; jcedar's server, like 25.x, adds its own.
            assertAuthorized(ping(htcondor, daemon, clientKnobs("CLAIMTOBE"), "WRITE"), "CLAIMTOBE", MAPPED);
        }
    }

    @RealHtcondorTest
    void anonymousIsTheAnonymousUser(RealHtcondor htcondor) throws Exception {
        htcondor.shareHostTmp();
        try (JcedarDaemon daemon = JcedarDaemon.start(daemonKnobs("ANONYMOUS"))) {
            assertAuthorized(ping(htcondor, daemon, clientKnobs("ANONYMOUS"), "WRITE"), "ANONYMOUS",
                    "CONDOR_ANONYMOUS_USER");
        }
    }

    @RealHtcondorTest
    void idtokensAuthenticateAsTheTokensSubject(RealHtcondor htcondor) throws Exception {
        htcondor.shareHostTmp();
        try (JcedarDaemon daemon = JcedarDaemon.start(daemonKnobs("IDTOKENS"))) {
            SigningKeyStore keys = new SigningKeyStore(Optional.of(daemon.poolKey().getParent()),
                    Optional.of(daemon.poolKey()), false, Pattern.compile(SigningKeyStore.DEFAULT_EXCLUDE_REGEXP),
                    ProcessIdentity.realUid());
            String alice = "alice@" + JcedarDaemon.TRUST_DOMAIN;
            String token = TokenSigner.mint(TokenClaims.issue(alice, JcedarDaemon.TRUST_DOMAIN, List.of(), 3600,
                    Clock.systemUTC(), new SecureRandom()), keys.load("POOL"));
            Map<String, String> client = clientKnobs("IDTOKENS");
            client.put("SEC_TOKEN_DIRECTORY", ownedByTheUser(token).toString());
            ExecResult ping = ping(htcondor, daemon, client, "ADMINISTRATOR");
            assertAuthorized(ping, "IDTOKENS", alice);
        }
    }

    @RealHtcondorTest
    void aLevelTheAllowListsRefuseIsReportedAsDenied(RealHtcondor htcondor) throws Exception {
        htcondor.shareHostTmp();
        Map<String, String> knobs = daemonKnobs("CLAIMTOBE");
        knobs.put("ALLOW_WRITE", "somebody@elsewhere.test");
        knobs.put("ALLOW_ADMINISTRATOR", "somebody@elsewhere.test");
        try (JcedarDaemon daemon = JcedarDaemon.start(knobs)) {
            assertAuthorized(ping(htcondor, daemon, clientKnobs("CLAIMTOBE"), "READ"), "CLAIMTOBE", MAPPED);
            ExecResult denied = ping(htcondor, daemon, clientKnobs("CLAIMTOBE"), "WRITE");
            assertFalse(denied.succeeded(), denied::describe);
            String all = denied.stdout() + denied.stderr();
            assertTrue(all.contains("WRITE failed!"), denied::describe);
            assertTrue(all.contains("SECMAN:2010:Received \"DENIED\" from server for user " + MAPPED
                    + " using method CLAIMTOBE."), denied::describe);
        }
    }

    /** A token directory with one token, owned by the unprivileged user, as HTCondor requires (0700, 0600). */
    private static Path ownedByTheUser(String token) throws Exception {
        Path directory = Files.createTempDirectory(Path.of("/tmp"), "jcedar-tokens-");
        Path file = directory.resolve("token");
        Files.writeString(file, token + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(file, users.lookupPrincipalByName(USER));
        Files.setOwner(directory, users.lookupPrincipalByName(USER));
        return directory;
    }
}
