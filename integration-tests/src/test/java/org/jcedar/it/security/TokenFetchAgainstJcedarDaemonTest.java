package org.jcedar.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jcedar.address.SinfulAddress;
import org.jcedar.cli.CondorConfigConfiguration;
import org.jcedar.cli.TokenFetchTool;
import org.jcedar.cli.ToolContext;
import org.jcedar.config.CondorConfig;
import org.jcedar.config.ConfigEnvironment;
import org.jcedar.it.real.ExecResult;
import org.jcedar.it.real.HostJava;
import org.jcedar.it.real.RealPool;
import org.jcedar.keys.UnverifiedToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jcedar's condor_token_fetch against jcedar's daemon acting as the local schedd: the default path through the
 * schedd's address file (as a user and as root), IPv6, and the failures a user meets - a refusing daemon, a
 * policy the daemon will not accept, nobody listening, an unwritable token directory, a corrupt configuration -
 * each with its message, a non-zero exit status and nothing written.
 */
class TokenFetchAgainstJcedarDaemonTest {
    private static final long USER_UID = 65534;
    private static final Map<String, String> DAEMON = Map.of("SEC_DEFAULT_AUTHENTICATION", "REQUIRED",
            "SEC_DEFAULT_ENCRYPTION", "REQUIRED", "SEC_DEFAULT_INTEGRITY", "REQUIRED",
            "SEC_DEFAULT_AUTHENTICATION_METHODS", "FS, CLAIMTOBE", "ALLOW_READ", "*", "ALLOW_WRITE", "*");

    @TempDir
    Path home;

    private record Run(int status, String out, String err) {
        String subject() throws Exception {
            return UnverifiedToken.parse(out.strip()).subject().orElseThrow();
        }
    }

    /** Our tool in this JVM, with a configuration file that sets {@code knobs} on top of HTCondor's defaults. */
    private Run fetch(Map<String, String> knobs, long uid, String... args) throws Exception {
        Map<String, String> all = new HashMap<>(Map.of("UID_DOMAIN", JcedarDaemon.TRUST_DOMAIN,
                "TRUST_DOMAIN", JcedarDaemon.TRUST_DOMAIN, "NETWORK_HOSTNAME", "localhost",
                "SCHEDD_DAEMON_AD_FILE", home.resolve("no-daemon-ad").toString(),
                "SEC_TOKEN_DIRECTORY", home.resolve("tokens.d").toString()));
        all.putAll(knobs);
        Path file = Files.createTempFile(home, "condor_config", "");
        Files.writeString(file, all.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
        CondorConfig config = CondorConfig.load(ConfigEnvironment.builder("TOOL")
                .environment(Map.of("CONDOR_CONFIG", file.toString())).userName(uid == 0 ? "root" : "nobody")
                .userHome(home).privileged(uid == 0).workingDirectory(home).globalConfigLocations(List.of()).build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ToolContext context = new ToolContext(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new CondorConfigConfiguration(config), uid, home,
                Clock.systemUTC(), new SecureRandom());
        int status = TokenFetchTool.run(args, context);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** An address file as HTCondor's daemons write it: the sinful, then version and platform. */
    private Path addressFile(String name, String sinful) throws IOException {
        return Files.writeString(home.resolve(name),
                sinful + "\n$CondorVersion: 25.14.1 2026-10-16 BuildID: test $\n$CondorPlatform: test $\n");
    }

    @Test
    void theDefaultPathFindsTheLocalScheddThroughItsAddressFile() throws Exception {
        try (JcedarDaemon daemon = JcedarDaemon.start(DAEMON)) {
            Path address = addressFile("schedd_address", daemon.address());
            Run run = fetch(Map.of("SCHEDD_ADDRESS_FILE", address.toString()), USER_UID, "-lifetime", "600");
            assertEquals(0, run.status(), run.err());
            // FS as the JVM's own user (root), which the daemon maps to condor@ (FS_ROOT_TO_CONDOR).
            assertEquals("condor@" + JcedarDaemon.TRUST_DOMAIN, run.subject());
            assertEquals("", run.err());
        }
    }

    @Test
    void rootUsesTheSuperUserAddressFileOnly() throws Exception {
        try (JcedarDaemon daemon = JcedarDaemon.start(DAEMON)) {
            Path address = addressFile("schedd_address", daemon.address());
            Path superAddress = addressFile("schedd_address.super", daemon.address());
            Run root = fetch(Map.of("SCHEDD_ADDRESS_FILE", address.toString(),
                    "SCHEDD_SUPER_ADDRESS_FILE", superAddress.toString()), 0);
            assertEquals(0, root.status(), root.err());

            Run noSuperFile = fetch(Map.of("SCHEDD_ADDRESS_FILE", address.toString(),
                    "SCHEDD_SUPER_ADDRESS_FILE", home.resolve("missing").toString()), 0, "-debug:D_HOSTNAME");
            assertEquals(1, noSuperFile.status());
            assertTrue(noSuperFile.err().contains("cannot read address file " + home.resolve("missing")),
                    noSuperFile.err());
            assertTrue(noSuperFile.err().contains("ERROR: couldn't locate default daemon type.\nReason: "),
                    noSuperFile.err());
        }
    }

    @Test
    void reachesADaemonOnIpv6Loopback() throws Exception {
        InetAddress ipv6Loopback = InetAddress.getByName("::1");
        assumeTrue(canListenOn(ipv6Loopback), "this host has no IPv6 loopback");
        try (JcedarDaemon daemon = JcedarDaemon.start(DAEMON, ipv6Loopback)) {
            SinfulAddress sinful = SinfulAddress.parse(daemon.address());
            assertEquals(ipv6Loopback, InetAddress.getByName(sinful.host()), daemon.address());
            Path address = addressFile("schedd_address", daemon.address());
            Run local = fetch(Map.of("SCHEDD_ADDRESS_FILE", address.toString()), USER_UID, "-authz", "READ");
            assertEquals(0, local.status(), local.err());

            int port = sinful.port().orElseThrow();
            Run named = fetch(Map.of(), USER_UID, "-name", "[::1]:" + port);
            assertEquals(0, named.status(), named.err());

            // Only the IPv6 entry of addrs is reachable; the client picks it over the host part.
            Run viaAddrs = fetch(Map.of(), USER_UID, "-name", "<127.0.0.1:1?addrs=[--1]-" + port + ">");
            assertEquals(0, viaAddrs.status(), viaAddrs.err());
        }
    }

    @Test
    void aDaemonThatRefusesLeavesAnExistingTokenFileAlone() throws Exception {
        Map<String, String> disabled = new HashMap<>(DAEMON);
        disabled.put("SEC_ENABLE_TOKEN_FETCH", "false");
        try (JcedarDaemon daemon = JcedarDaemon.start(disabled)) {
            Path existing = Files.writeString(home.resolve("token"), "keep me\n");
            Run run = fetch(Map.of(), USER_UID, "-name", daemon.address(), "-file", existing.toString());
            assertEquals(1, run.status());
            assertEquals("", run.out());
            assertEquals("Failed to request a session token: DAEMON:44:Token fetch disabled.\n", run.err());
            assertEquals("keep me\n", Files.readString(existing));
        }
        try (JcedarDaemon daemon = JcedarDaemon.start(DAEMON)) {
            Run run = fetch(Map.of(), USER_UID, "-name", daemon.address(), "-key", "NOSUCHKEY");
            assertEquals(1, run.status());
            assertEquals("Failed to request a session token: DAEMON:3:Server will not sign with requested key.\n",
                    run.err());
        }
    }

    @Test
    void aPolicyTheDaemonCannotAcceptEndsTheNegotiation() throws Exception {
        try (JcedarDaemon daemon = JcedarDaemon.start(DAEMON)) {
            Run run = fetch(Map.of("SEC_CLIENT_AUTHENTICATION", "NEVER", "SEC_CLIENT_ENCRYPTION", "NEVER",
                    "SEC_CLIENT_INTEGRITY", "NEVER"), USER_UID, "-name", daemon.address());
            assertEquals(1, run.status());
            assertEquals("Failed to request a session token: SECMAN:2011:Connection closed during command"
                    + " authorization. Probably due to an unknown command.\n", run.err());
        }
    }

    @Test
    void nobodyListening() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Run run = fetch(Map.of(), USER_UID, "-name", "127.0.0.1:" + port);
        assertEquals(1, run.status());
        assertEquals("Failed to request a session token: DAEMON:1:Failed to connect to remote daemon at '<127.0.0.1:"
                + port + ">'\nReason: cannot connect to <127.0.0.1:" + port + ">: connection refused\n", run.err());
    }

    @Test
    void anUnwritableTokenDirectoryFailsAndWritesNothing() throws Exception {
        try (JcedarDaemon daemon = JcedarDaemon.start(DAEMON)) {
            Run run = fetch(Map.of("SEC_TOKEN_DIRECTORY", "/proc/jcedar/tokens.d"), USER_UID, "-name",
                    daemon.address(), "-token", "mine");
            assertEquals(1, run.status());
            assertEquals("", run.out());
            assertTrue(run.err().startsWith("Cannot create token directory /proc/jcedar/tokens.d: "), run.err());
        }
    }

    @Test
    void aCorruptConfigurationFileIsReportedWithItsLine() throws Exception {
        Path config = Files.writeString(Files.createTempFile(Path.of("/tmp"), "jcedar-bad-config", "",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"))),
                "FOO = 1\nif bogus\n");
        try {
            ExecResult run = HostJava.run(RealPool.UNPRIVILEGED_USER, Path.of("/nonexistent"),
                    Map.of("CONDOR_CONFIG", config.toString()), "org.jcedar.cli.TokenFetchTool", List.of());
            assertEquals(1, run.exitCode(), run::describe);
            assertEquals("", run.stdout());
            assertTrue(run.stderr().startsWith("condor_token_fetch: cannot read the HTCondor configuration: "
                    + config + ", line 2: "), run::describe);
        } finally {
            Files.delete(config);
        }
    }

    private static boolean canListenOn(InetAddress address) {
        try (ServerSocket socket = new ServerSocket(0, 1, address)) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }
}
