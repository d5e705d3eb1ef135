package org.jcedar.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.jcedar.command.CommandNumbers;
import org.jcedar.command.SessionTokenReply;
import org.jcedar.command.SessionTokenRequest;
import org.jcedar.it.real.ExecResult;
import org.jcedar.it.real.PoolOptions;
import org.jcedar.it.real.RealHtcondor;
import org.jcedar.it.real.RealHtcondorTest;
import org.jcedar.it.real.RealPool;
import org.jcedar.it.real.SecurityRequirement;
import org.jcedar.keys.ProcessIdentity;
import org.jcedar.keys.TokenDirectory;
import org.jcedar.keys.UnverifiedToken;
import org.jcedar.security.AuthMethod;
import org.jcedar.security.CryptoMethod;
import org.jcedar.security.HandshakeException;
import org.jcedar.security.method.ClientMethods;
import org.jcedar.security.method.claimtobe.ClaimToBeClient;
import org.jcedar.security.method.fs.FsClient;
import org.jcedar.security.method.fs.LocalFileSystem;
import org.jcedar.security.method.token.DirectoryTokenSource;
import org.jcedar.security.method.token.TokenClient;
import org.jcedar.it.security.JcedarClient.Ping;

/**
 * jcedar's client (in this JVM, as root) against real HTCondor 23.x and 25.x collectors and schedds: FS, CLAIMTOBE
 * and IDTOKENS, with encryption REQUIRED, OPTIONAL and NEVER, pinging READ, WRITE and ADMINISTRATOR and fetching a
 * token. What the real daemon reports is asserted: the method, AES, and the identity it mapped us to (its post-auth
 * ad, and the subject of the token it signs for us).
 */
class JcedarClientAgainstRealTest {
    private static final int READ = CommandNumbers.DC_NOP_READ;
    private static final int WRITE = CommandNumbers.DC_NOP_WRITE;
    private static final int ADMINISTRATOR = CommandNumbers.DC_NOP_ADMINISTRATOR;

    /** The client asks for what the pool's own tools ask for: pool.sh sets SEC_CLIENT_* like SEC_DEFAULT_*. */
    private static Map<String, String> clientKnobs(RealPool pool, String methods) {
        String encryption = pool.options().encryption().map(Enum::name).orElse("REQUIRED");
        return Map.of("SEC_CLIENT_AUTHENTICATION", "REQUIRED", "SEC_CLIENT_ENCRYPTION", encryption,
                "SEC_CLIENT_INTEGRITY", encryption, "SEC_CLIENT_AUTHENTICATION_METHODS", methods,
                "TRUST_DOMAIN", pool.trustDomain());
    }

    /** FS as current HTCondor clients do it: 23.x's unbound names are accepted only when channel binding is off. */
    private static ClientMethods fs(RealHtcondor htcondor, String sinful) throws Exception {
        boolean enforce = htcondor.series().major() >= 25;
        return (method, offer) -> method == AuthMethod.FS
                ? Optional.of(fsClient(sinful, enforce)) : Optional.empty();
    }

    private static FsClient fsClient(String sinful, boolean enforce) {
        try {
            return new FsClient(JcedarClient.endpoint(sinful), Optional.empty(), enforce, new LocalFileSystem());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ClientMethods claiming(String who) {
        return (method, offer) -> method == AuthMethod.CLAIMTOBE ? Optional.of(new ClaimToBeClient(who))
                : Optional.empty();
    }

    /** As root, FS maps us to root on 23.x and to the service account on 25.x (FS_ROOT_TO_CONDOR). */
    private static String rootByFs(RealHtcondor htcondor, RealPool pool) {
        return (htcondor.series().major() >= 25 ? "condor@" : "root@") + pool.trustDomain();
    }

    private static void assertAes(Ping ping, AuthMethod method, String user) {
        assertTrue(ping.authorized(), ping.toString());
        assertEquals(Optional.of(method), ping.session().method());
        assertEquals(Optional.of(CryptoMethod.AES), ping.session().cipher());
        assertEquals(user, ping.session().mappedUser());
    }

    @RealHtcondorTest
    void fsWithEveryEncryptionSettingPingsEveryLevelAndGetsAToken(RealHtcondor htcondor) throws Exception {
        htcondor.shareHostTmp();
        for (SecurityRequirement encryption : SecurityRequirement.values()) {
            if (encryption == SecurityRequirement.PREFERRED) {
                continue;
            }
            PoolOptions options = PoolOptions.defaults().withEncryption(encryption);
            try (RealPool pool = htcondor.startPool(options)) {
                String expected = rootByFs(htcondor, pool);
                for (String daemon : List.of(pool.collectorAddress(), pool.scheddAddress())) {
                    JcedarClient client = new JcedarClient(clientKnobs(pool, "FS"), fs(htcondor, daemon), false);
                    for (int level : List.of(READ, WRITE, ADMINISTRATOR)) {
                        assertAes(client.ping(daemon, level), AuthMethod.FS, expected);
                    }
                }
                JcedarClient client = new JcedarClient(clientKnobs(pool, "FS"), fs(htcondor, pool.scheddAddress()), false);
                SessionTokenReply reply = client.fetchToken(pool.scheddAddress(),
                        new SessionTokenRequest(List.of("READ"), OptionalLong.of(600), Optional.empty()));
                assertTrue(reply.succeeded(), reply.errorString());
                Map<String, Object> claims = UnverifiedToken.parse(reply.token().get()).claims();
                assertEquals(expected, claims.get("sub"), encryption.toString());
                assertEquals("condor:/READ", claims.get("scope"));
            }
        }
    }

    @RealHtcondorTest
    void claimToBeIsMappedAsTheRealDaemonMapsIt(RealHtcondor htcondor) throws Exception {
        RealPool pool = htcondor.sharedPool(PoolOptions.defaults());
        JcedarClient client = new JcedarClient(clientKnobs(pool, "CLAIMTOBE"), claiming("alice"), false);
        // 23.x keeps a bare claim as the identity; 25.x adds its UID_DOMAIN.
        String expected = htcondor.series().major() >= 25 ? "alice@" + pool.trustDomain() : "alice";
        assertAes(client.ping(pool.scheddAddress(), WRITE), AuthMethod.CLAIMTOBE, expected);
        SessionTokenReply reply = client.fetchToken(pool.scheddAddress(),
                new SessionTokenRequest(List.of(), OptionalLong.empty(), Optional.empty()));
        assertTrue(reply.succeeded(), reply.errorString());
        Map<String, Object> claims = UnverifiedToken.parse(reply.token().get()).claims();
        assertEquals(expected, claims.get("sub"));
        assertEquals(null, claims.get("scope"), "a CLAIMTOBE session's limit does not bound the tokens it asks for");
    }

    @RealHtcondorTest
    void idtokensAuthenticateAsTheSubjectOfATokenTheRealToolMade(RealHtcondor htcondor, @org.junit.jupiter.api.io.TempDir
            Path tokens) throws Exception {
        RealPool pool = htcondor.sharedPool(PoolOptions.defaults());
        String alice = "alice@" + pool.trustDomain();
        ExecResult created = pool.exec(RealPool.ROOT, "condor_token_create", "-identity", alice, "-authz", "READ",
                "-authz", "WRITE");
        assertTrue(created.succeeded(), created::describe);
        Path file = tokens.resolve("alice");
        Files.writeString(file, created.stdout());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        TokenDirectory.Contents contents = TokenDirectory.read(tokens, "TOOL",
                Pattern.compile("^\\..*"), ProcessIdentity.realUid());
        DirectoryTokenSource source = new DirectoryTokenSource(contents.candidates());
        ClientMethods methods = (method, offer) -> method == AuthMethod.TOKEN
                ? Optional.of(new TokenClient(source.choose(offer.trustDomain(), keySet(offer.issuerKeys())),
                new SecureRandom())) : Optional.empty();
        JcedarClient client = new JcedarClient(clientKnobs(pool, "IDTOKENS"), methods, true);

        assertAes(client.ping(pool.collectorAddress(), WRITE), AuthMethod.TOKEN, alice);
        assertAes(client.ping(pool.scheddAddress(), READ), AuthMethod.TOKEN, alice);
        // the token's scopes limit the session: ADMINISTRATOR is beyond READ and WRITE
        HandshakeException limited = assertThrows(HandshakeException.class,
                () -> client.ping(pool.scheddAddress(), ADMINISTRATOR));
        assertTrue(limited.getMessage().contains("SECMAN:2010"), limited.getMessage());
        SessionTokenReply reply = client.fetchToken(pool.scheddAddress(),
                new SessionTokenRequest(List.of("READ"), OptionalLong.empty(), Optional.empty()));
        assertEquals(alice, UnverifiedToken.parse(reply.token().orElseThrow()).claims().get("sub"));
    }

    @RealHtcondorTest
    void aLevelTheRealDaemonDeniesIsReportedAsDenied(RealHtcondor htcondor) throws Exception {
        RealPool pool = htcondor.sharedPool(PoolOptions.defaults().withSetting("ALLOW_ADMINISTRATOR = nobody@nowhere.test"));
        JcedarClient client = new JcedarClient(clientKnobs(pool, "CLAIMTOBE"), claiming("mallory"), false);
        assertTrue(client.ping(pool.scheddAddress(), WRITE).authorized());
        HandshakeException denied = assertThrows(HandshakeException.class,
                () -> client.ping(pool.scheddAddress(), ADMINISTRATOR));
        assertTrue(denied.getMessage().startsWith("SECMAN:2010:Received \"DENIED\" from server for user mallory"),
                denied.getMessage());
        assertFalse(denied.getMessage().contains("AUTHORIZED"));
    }

    private static java.util.Set<String> keySet(Optional<String> issuerKeys) {
        java.util.Set<String> out = new java.util.HashSet<>();
        issuerKeys.ifPresent(list -> {
            for (String k : list.split("[,\\s]+")) {
                if (!k.isEmpty()) {
                    out.add(k);
                }
            }
        });
        return out;
    }
}
