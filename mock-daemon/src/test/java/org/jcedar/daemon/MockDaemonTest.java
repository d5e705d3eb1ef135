package org.jcedar.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.classad.ClassAd;
import org.jcedar.classad.ClassAdParser;
import org.jcedar.command.CommandNumbers;
import org.jcedar.keys.ProcessIdentity;
import org.jcedar.keys.SigningKeyStore;
import org.jcedar.security.AuthMethod;
import org.jcedar.security.ClientHandshake;
import org.jcedar.security.CryptoMethod;
import org.jcedar.security.EcdhKeyExchange;
import org.jcedar.security.HandshakeAction;
import org.jcedar.security.Requirement;
import org.jcedar.security.SecurityPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon started in-process: its own ads in its collector, the files it writes for tools to find it, the
 * keys it is given, the connection it keeps after an update.
 */
class MockDaemonTest {
    private static final ClassAd ALL = ClassAd.builder().set("MyType", "Query").set("Requirements", true).build();

    @Test
    void itAdvertisesItsScheddAndCollectorIntoItself() throws Exception {
        try (MockDaemon daemon = MockDaemon.builder().trustDomain("mock.test").set("SCHEDD_NAME", "s1")
                .set("COLLECTOR_NAME", "pool1").start()) {
            List<ClassAd> schedds = RawConnection.query(daemon, CommandNumbers.QUERY_SCHEDD_ADS,
                    ALL.with("TargetType", "Scheduler"));
            List<ClassAd> any = RawConnection.query(daemon, CommandNumbers.QUERY_ANY_ADS, ALL.with("TargetType", "Any"));

            assertEquals(1, schedds.size());
            assertEquals("s1@localhost", schedds.get(0).getString("Name").orElseThrow());
            assertEquals(daemon.sinfulAddress(), schedds.get(0).getString("MyAddress").orElseThrow());
            assertEquals(daemon.sinfulAddress(), schedds.get(0).getString("ScheddIpAddr").orElseThrow());
            assertEquals(List.of("pool1@localhost", "s1@localhost"),
                    any.stream().map(ad -> ad.getString("Name").orElseThrow()).sorted().toList());
        }
    }

    @Test
    void itWritesItsAddressWhereTheConfigurationAsksAndRemovesItWhenItStops(@TempDir Path dir) throws Exception {
        Path addressFile = dir.resolve("spool/.schedd_address");
        Path adFile = dir.resolve("spool/.schedd_classad");
        Path clientConfig = dir.resolve("client_config");
        MockDaemon daemon = MockDaemon.builder().set("SCHEDD_ADDRESS_FILE", addressFile.toString())
                .set("SCHEDD_DAEMON_AD_FILE", adFile.toString()).start();
        try {
            List<String> lines = Files.readAllLines(addressFile);
            assertEquals(daemon.sinfulAddress(), lines.get(0));
            assertTrue(lines.get(1).startsWith("$CondorVersion: "), lines.get(1));
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(addressFile)));
            ClassAd ad = ClassAdParser.parseLines(Files.readString(adFile));
            assertEquals(daemon.scheddName(), ad.getString("Name").orElseThrow());
            assertEquals(daemon.sinfulAddress(), ad.getString("ScheddIpAddr").orElseThrow());

            daemon.writeClientConfiguration(clientConfig);
            assertTrue(Files.readString(clientConfig).contains("COLLECTOR_HOST = " + daemon.endpoint().hostPort()));
        } finally {
            daemon.close();
        }
        assertFalse(Files.exists(addressFile));
        assertFalse(Files.exists(adFile));
    }

    @Test
    void theKeysItIsGivenAreTheKeysItHoldsAndPoolIsCreatedWhenMissing(@TempDir Path dir) throws Exception {
        byte[] named = new byte[32];
        named[0] = 7;
        try (MockDaemon daemon = MockDaemon.builder().passwordDirectory(dir).signingKey("NAMED", named).start()) {
            SigningKeyStore store = new SigningKeyStore(java.util.Optional.of(dir),
                    java.util.Optional.of(dir.resolve("POOL")), false,
                    java.util.regex.Pattern.compile(SigningKeyStore.DEFAULT_EXCLUDE_REGEXP), ProcessIdentity.realUid());
            assertEquals("NAMED, POOL", store.issuerKeys());
            assertEquals("NAMED, POOL", daemon.configuration().issuerKeys().orElseThrow());
            assertEquals(SigningKeyStore.GENERATED_KEY_LENGTH, Files.size(dir.resolve("POOL")));
        }
    }

    /**
     * As a real schedd (docs/tokens.md, seen on 23.9.6 and 25.14.1), the daemon keeps advertising the IssuerKeys it
     * started with: a key file added later is on disk but not advertised.
     */
    @Test
    void itAdvertisesTheKeysItStartedWithAndNotAKeyAddedLater(@TempDir Path dir) throws Exception {
        try (MockDaemon daemon = MockDaemon.builder().passwordDirectory(dir).signingKey("NAMED", new byte[32])
                .set("SEC_DEFAULT_AUTHENTICATION_METHODS", "IDTOKENS, CLAIMTOBE").start()) {
            assertEquals("NAMED, POOL", advertisedIssuerKeys(daemon));
            daemon.configuration().keyStore().create("LATER", new byte[32]);

            assertEquals("LATER, NAMED, POOL", daemon.configuration().issuerKeys().orElseThrow());
            assertEquals("NAMED, POOL", advertisedIssuerKeys(daemon));
        }
    }

    /** The IssuerKeys of the daemon's answer to a client that offers TOKEN (the handshake goes no further). */
    private static String advertisedIssuerKeys(MockDaemon daemon) throws Exception {
        SecurityPolicy policy = new SecurityPolicy(Requirement.REQUIRED, Requirement.REQUIRED, Requirement.REQUIRED,
                Requirement.REQUIRED, Requirement.REQUIRED, List.of(AuthMethod.TOKEN, AuthMethod.CLAIMTOBE),
                List.of(CryptoMethod.AES), 60, 3600);
        ClientHandshake client = new ClientHandshake(new ClientHandshake.Settings(CommandNumbers.DC_GET_SESSION_TOKEN,
                OptionalInt.empty(), policy, daemon.sinfulAddress(), Optional.empty(), Optional.empty(), "TOOL", 1),
                EcdhKeyExchange.generate(new SecureRandom()), (method, offer) -> Optional.empty());
        try (RawConnection connection = new RawConnection(daemon, 10_000)) {
            for (HandshakeAction action : client.start()) {
                connection.send(((HandshakeAction.Send) action).payload());
            }
            client.receive(connection.receive());
        }
        return client.serverResponse().orElseThrow().getString("IssuerKeys").orElse("");
    }

    @Test
    void anUpdateConnectionIsKeptForTheDaemonsNextUpdates() throws Exception {
        try (MockDaemon daemon = MockDaemon.builder().set("ALLOW_ADVERTISE_SCHEDD", "*").start();
             RawConnection updates = new RawConnection(daemon, 2000)) {
            ClassAd first = ClassAdParser.parseLines("MyType = \"Scheduler\"\nName = \"real@host\"\n"
                    + "MyAddress = \"<127.0.0.1:1234>\"\nTotalIdleJobs = 1\n");
            updates.sendCommand(CommandNumbers.UPDATE_SCHEDD_AD, first);
            updates.sendCommand(CommandNumbers.UPDATE_SCHEDD_AD, first.with("TotalIdleJobs", 2));
            assertFalse(updates.closedByDaemon(), "the daemon keeps the update connection");

            List<ClassAd> found = RawConnection.query(daemon, CommandNumbers.QUERY_SCHEDD_ADS,
                    ALL.with("Requirements", ClassAdParser.parseExpression("Name == \"real@host\"")));
            assertEquals(1, found.size());
            assertEquals(2L, found.get(0).getInteger("TotalIdleJobs").orElseThrow());
            assertEquals("unauthenticated@unmapped", found.get(0).getString("AuthenticatedIdentity").orElseThrow());

            // what a real schedd sends when it stops (Scheduler::invalidate_ads)
            updates.sendCommand(CommandNumbers.INVALIDATE_SCHEDD_ADS, ClassAdParser.parseLines(
                    "MyType = \"Query\"\nTargetType = \"Scheduler\"\nRequirements = TARGET.Name == \"real@host\"\n"
                            + "Name = \"real@host\"\nMyAddress = \"<127.0.0.1:1234>\"\n"));
            assertFalse(updates.closedByDaemon(), "and keeps it after an invalidation too");
            assertEquals(List.of(), RawConnection.query(daemon, CommandNumbers.QUERY_SCHEDD_ADS,
                    ALL.with("Requirements", ClassAdParser.parseExpression("Name == \"real@host\""))));

            updates.send(new MessageWriter(false).putInt(CommandNumbers.DC_NOP_ADMINISTRATOR).toByteArray());
            assertNull(updates.receive(), "a command the session may not run closes the kept connection");
        }
    }
}
