package org.jcedar.it;

import static org.jcedar.it.real.RealPool.ROOT;
import static org.jcedar.it.real.RealPool.UNPRIVILEGED_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jcedar.it.real.ExecResult;
import org.jcedar.it.real.PoolOptions;
import org.jcedar.it.real.RealHtcondor;
import org.jcedar.it.real.RealHtcondorTest;
import org.jcedar.it.real.RealPool;
import org.jcedar.keys.UnverifiedToken;
import org.junit.jupiter.api.AfterEach;

/**
 * Issue 6's interop: our condor_token_fetch and the real one, run as the same unprivileged user against the same
 * real schedd and collector, get tokens with the same claims for every option and option combination of the manual
 * page, with and without a shared port, through FS, IDTOKENS and CLAIMTOBE - and fail alike: the same exit status
 * and HTCondor's message (ours may add a {@code Reason:} line).
 */
class TokenFetchInteropTest {
    private final List<Path> created = new ArrayList<>();
    private static final String SCHEDD = "fetch-schedd@localhost";
    private static final String NAMED_KEY = "NAMEDKEY";
    private static final PoolOptions OPTIONS = PoolOptions.defaults().withTrustDomain("fetch.jcedar.test")
            .withSharedHostTmp().withSetting("SCHEDD_NAME = " + SCHEDD)
            .withSetting("SEC_TOKEN_FETCH_ALLOWED_SIGNING_KEYS = POOL, " + NAMED_KEY);
    private static final PoolOptions SHARED_PORT = OPTIONS.withSharedPort();
    private static final PoolOptions FETCH_DISABLED = OPTIONS.withSetting("SEC_ENABLE_TOKEN_FETCH = false");

    private static RealPool poolWithNamedKey(RealHtcondor htcondor, PoolOptions options) {
        RealPool pool = htcondor.sharedPool(options);
        pool.genkey(NAMED_KEY);
        return pool;
    }

    @RealHtcondorTest
    void sameTokensAsTheRealToolForEveryOptionAndTheManualsExamples(RealHtcondor htcondor) throws Exception {
        RealPool pool = poolWithNamedKey(htcondor, OPTIONS);
        TokenFetchers fetchers = TokenFetchers.of(pool);
        String collector = "127.0.0.1:" + pool.collectorPort();
        List<List<String>> commandLines = List.of(
                List.of(),
                List.of("-lifetime", "600"),
                List.of("-name", SCHEDD, "-authz", "READ", "-authz", "WRITE"),
                List.of("-authz", "READ", "-authz", "WRITE", "-lifetime", "600"),
                List.of("-a", "READ", "-lif", "60", "-ty", "SCHEDD"),
                List.of("-authz", "FOO", "-authz", "ADVERTISE_STARTD"),
                List.of("-lifetime", "0"),
                List.of("-key", NAMED_KEY),
                List.of("-k", "POOL", "-l", "3600"),
                List.of("-type", "collector", "-authz", "READ"),
                List.of("-type", "master"),
                List.of("-pool", collector),
                List.of("-pool", collector, "-name", SCHEDD, "-authz", "DAEMON"),
                List.of("-p", "<" + collector + ">", "-n", SCHEDD, "-t", "schedd"),
                List.of("-name", pool.scheddAddress()),
                List.of("-debug", "-lifetime", "120"));
        for (List<String> args : commandLines) {
            assertSameToken(fetchers, Map.of(), args);
        }
    }

    @RealHtcondorTest
    void sameTokensThroughASharedPort(RealHtcondor htcondor) throws Exception {
        RealPool pool = htcondor.sharedPool(SHARED_PORT);
        TokenFetchers fetchers = TokenFetchers.of(pool);
        assertTrue(pool.scheddAddress().contains("sock="), pool.scheddAddress());
        String collector = "127.0.0.1:" + pool.collectorPort();
        for (List<String> args : List.of(List.<String>of(), List.of("-type", "collector", "-lifetime", "60"),
                List.of("-pool", collector, "-name", SCHEDD, "-authz", "READ"), List.of("-name", pool.scheddAddress()),
                List.of("-type", "master"))) {
            assertSameToken(fetchers, Map.of(), args);
        }
    }

    @RealHtcondorTest
    void sameTokensThroughIdtokensAndClaimtobe(RealHtcondor htcondor) throws Exception {
        RealPool pool = htcondor.sharedPool(OPTIONS);
        TokenFetchers fetchers = TokenFetchers.of(pool);
        Path tokens = nobodysDirectory();
        ExecResult minted = pool.exec(ROOT, "condor_token_create", "-identity", "alice@" + pool.trustDomain(),
                "-authz", "READ", "-authz", "WRITE", "-lifetime", "3600").requireSuccess();
        Path token = tokens.resolve("alice");
        Files.writeString(token, minted.stdout());
        chownToNobody(token, "rw-------");
        Map<String, String> idtokens = Map.of("_CONDOR_SEC_CLIENT_AUTHENTICATION_METHODS", "IDTOKENS",
                "_CONDOR_SEC_TOKEN_DIRECTORY", tokens.toString());
        String sub = assertSameToken(fetchers, idtokens, List.of());
        assertEquals("alice@" + pool.trustDomain(), sub);
        assertSameToken(fetchers, idtokens, List.of("-authz", "READ", "-lifetime", "600"));
        ExecResult real = fetchers.real(idtokens, List.of("-authz", "DAEMON"));
        assertSameFailure(real, fetchers.ours(idtokens, List.of("-authz", "DAEMON")));

        Map<String, String> claimToBe = Map.of("_CONDOR_SEC_CLIENT_AUTHENTICATION_METHODS", "CLAIMTOBE");
        ExecResult realClaim = fetchers.real(claimToBe, List.of());
        ExecResult ourClaim = fetchers.ours(claimToBe, List.of());
        if (realClaim.succeeded()) {
            TokenClaims.assertEquivalent(realClaim.stdout(), ourClaim.stdout());
        } else {
            // 23.x claims a bare user name, which its schedd cannot map: both are refused alike.
            assertSameFailure(realClaim, ourClaim);
        }
    }

    @RealHtcondorTest
    void writesTheSameTokenFilesWithTokenAndFile(RealHtcondor htcondor) throws Exception {
        RealPool pool = htcondor.sharedPool(OPTIONS);
        TokenFetchers fetchers = TokenFetchers.of(pool);
        Path realDirectory = nobodysDirectory().resolve("new/tokens.d");
        Path ourDirectory = nobodysDirectory().resolve("new/tokens.d");
        ExecResult real = fetchers.real(Map.of("_CONDOR_SEC_TOKEN_DIRECTORY", realDirectory.toString()),
                List.of("-lifetime", "600", "-token", "fetched"));
        ExecResult ours = fetchers.ours(Map.of("_CONDOR_SEC_TOKEN_DIRECTORY", ourDirectory.toString()),
                List.of("-lifetime", "600", "-to", "fetched"));
        assertEquals(0, real.exitCode(), real::describe);
        assertEquals(0, ours.exitCode(), ours::describe);
        assertEquals("", ours.stdout());
        assertTokenFile(realDirectory.resolve("fetched"), ourDirectory.resolve("fetched"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ourDirectory)));

        Path files = nobodysDirectory();
        real = fetchers.real(Map.of(), List.of("-file", files.resolve("real").toString(), "-authz", "READ"));
        ours = fetchers.ours(Map.of(), List.of("-f", files.resolve("ours").toString(), "-authz", "READ"));
        assertEquals(0, real.exitCode(), real::describe);
        assertEquals(0, ours.exitCode(), ours::describe);
        assertTokenFile(files.resolve("real"), files.resolve("ours"));
    }

    @RealHtcondorTest
    void failsLikeTheRealTool(RealHtcondor htcondor) throws Exception {
        RealPool pool = htcondor.sharedPool(OPTIONS);
        TokenFetchers fetchers = TokenFetchers.of(pool);
        int closed = closedPort();
        Path unwritable = nobodysDirectory();
        Files.setPosixFilePermissions(unwritable, PosixFilePermissions.fromString("r-xr-xr-x"));
        List<List<String>> commandLines = List.of(
                List.of("-bogus"), List.of("-lifetime"), List.of("-lifetime", "soon"), List.of("-type", "scheduler"),
                List.of("-remote", "-type", "master"), List.of("-type", "shadow"), List.of("-type", "any"),
                List.of("-key", "NOSUCHKEY"),
                List.of("-name", "nosuch@localhost"),
                List.of("-pool", "127.0.0.1:" + pool.collectorPort(), "-name", "nosuch@localhost"),
                List.of("-pool", "127.0.0.1:" + closed, "-name", SCHEDD),
                List.of("-name", "<127.0.0.1:" + closed + ">"),
                List.of("-name", "127.0.0.1:" + closed),
                List.of("-token", "../evil"),
                List.of("-file", unwritable.resolve("token").toString()),
                List.of("-file", "/nonexistent/dir/token"),
                List.of("-remote"),
                List.of("-remote", "-name", "nosuch@localhost", "-pool", "127.0.0.1:" + pool.collectorPort()));
        for (List<String> args : commandLines) {
            assertSameFailure(fetchers.real(Map.of(), args), fetchers.ours(Map.of(), args));
        }
        Map<String, String> noTokens = Map.of("_CONDOR_SEC_CLIENT_AUTHENTICATION_METHODS", "IDTOKENS");
        assertSameFailure(fetchers.real(noTokens, List.of()), fetchers.ours(noTokens, List.of()));
        Path badConfig = unwritable.resolve("condor_config"); // root writes where nobody cannot
        Files.writeString(badConfig, "FOO = 1\nif bogus\n");
        Files.setPosixFilePermissions(badConfig, PosixFilePermissions.fromString("rw-r--r--"));
        Map<String, String> corrupt = Map.of("CONDOR_CONFIG", badConfig.toString());
        ExecResult realConfig = fetchers.real(corrupt, List.of());
        ExecResult ourConfig = fetchers.ours(corrupt, List.of());
        assertEquals(1, realConfig.exitCode(), realConfig::describe);
        assertEquals(1, ourConfig.exitCode(), ourConfig::describe);
        assertTrue(realConfig.stderr().contains("Line 2") && realConfig.stderr().contains(badConfig.toString()),
                realConfig::describe);
        assertTrue(ourConfig.stderr().contains(badConfig + ", line 2: "), ourConfig::describe);
        Map<String, String> procDirectory = Map.of("_CONDOR_SEC_TOKEN_DIRECTORY", "/proc/jcedar/tokens.d");
        ExecResult real = fetchers.real(procDirectory, List.of("-token", "t"));
        ExecResult ours = fetchers.ours(procDirectory, List.of("-token", "t"));
        assertEquals(real.exitCode(), ours.exitCode(), ours::describe);
        assertTrue(real.stderr().startsWith("Cannot ") && ours.stderr().startsWith("Cannot ")
                && ours.stderr().contains("/proc/jcedar/tokens.d"), ours::describe);
        assertEquals("", ours.stdout());
    }

    @RealHtcondorTest
    void aDaemonThatRefusesToIssueTokensFailsBothAlike(RealHtcondor htcondor) throws Exception {
        TokenFetchers fetchers = TokenFetchers.of(htcondor.sharedPool(FETCH_DISABLED));
        ExecResult real = fetchers.real(Map.of(), List.of());
        assertTrue(real.stderr().contains("DAEMON:44:"), real::describe);
        assertSameFailure(real, fetchers.ours(Map.of(), List.of()));
    }

    @RealHtcondorTest
    void ourFsRefusesNamesNotBoundToTheConnectionUnlessToldOtherwise(RealHtcondor htcondor) throws Exception {
        RealPool pool = htcondor.sharedPool(OPTIONS);
        TokenFetchers fetchers = TokenFetchers.of(pool);
        Map<String, String> fsOnly = Map.of("_CONDOR_SEC_CLIENT_AUTHENTICATION_METHODS", "FS",
                "_CONDOR_SEC_FS_ENFORCE_CHANNEL_BINDING", "true");
        ExecResult ours = fetchers.ours(fsOnly, List.of());
        if (htcondor.series().major() == 23) {
            assertEquals(1, ours.exitCode(), ours::describe);
            assertTrue(ours.stderr().startsWith("Failed to request a session token: AUTHENTICATE:1003:")
                    && ours.stderr().contains("is not bound to"), ours::describe);
        } else {
            assertEquals(0, ours.exitCode(), ours::describe);
            assertEquals("nobody@" + pool.trustDomain(), UnverifiedToken.parse(ours.stdout().strip()).subject()
                    .orElseThrow());
        }
    }

    /** Both succeed with equivalent tokens; returns the subject. */
    private static String assertSameToken(TokenFetchers fetchers, Map<String, String> settings, List<String> args)
            throws Exception {
        ExecResult real = fetchers.real(settings, args);
        ExecResult ours = fetchers.ours(settings, args);
        assertEquals(0, real.exitCode(), () -> args + ": the real tool failed\n" + real.describe());
        assertEquals(0, ours.exitCode(), () -> args + ": ours failed\n" + ours.describe());
        TokenClaims.assertEquivalent(real.stdout(), ours.stdout());
        if (!args.contains("-debug")) {
            assertEquals("", ours.stderr(), ours::describe);
        }
        return UnverifiedToken.parse(ours.stdout().strip()).subject().orElseThrow();
    }

    /** Both fail with the same status, print nothing on stdout, and ours gives HTCondor's message first. */
    private static void assertSameFailure(ExecResult real, ExecResult ours) {
        assertNotEquals(0, real.exitCode(), real::describe);
        assertEquals(real.exitCode(), ours.exitCode(), () -> "real:\n" + real.describe() + "\nours:\n" + ours.describe());
        assertEquals("", ours.stdout(), ours::describe);
        String expected = realMessage(real.stderr());
        assertTrue(ours.stderr().startsWith(expected),
                () -> "expected ours to start with\n" + expected + "\nreal:\n" + real.describe() + "\nours:\n"
                        + ours.describe());
    }

    /**
     * The part of the real tool's message ours repeats verbatim: all of it, except what only HTCondor's C++ can
     * say (the source line of an abort) and the detail jcedar words differently (after a method's name).
     */
    private static String realMessage(String stderr) {
        if (stderr.startsWith("ERROR \"Unknown daemon type")) {
            return stderr.substring(0, stderr.indexOf('"', "ERROR \"".length()) + 1);
        }
        int method = stderr.indexOf("Failed to authenticate using ");
        if (method >= 0) {
            int end = stderr.indexOf('\n', method);
            String line = stderr.substring(0, end);
            return line;
        }
        return stderr;
    }

    private static void assertTokenFile(Path real, Path ours) throws Exception {
        TokenClaims.assertEquivalent(Files.readString(real), Files.readString(ours));
        assertTrue(Files.readString(ours).endsWith("\n"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ours)));
        assertEquals(Files.getOwner(real), Files.getOwner(ours));
        assertFalse(Files.list(ours.getParent()).anyMatch(p -> p.getFileName().toString().startsWith(".")),
                "no temporary file left behind");
    }

    /** A fresh directory in the host's /tmp (shared with the chroot), owned by the unprivileged user. */
    private Path nobodysDirectory() throws IOException {
        Path directory = Files.createDirectory(Path.of("/tmp", "jcedar-fetch-" + UUID.randomUUID()));
        created.add(directory);
        chownToNobody(directory, "rwx------");
        return directory;
    }

    @AfterEach
    void removeTemporaryFiles() throws IOException {
        for (Path path : created) {
            try (Stream<Path> tree = Files.walk(path)) {
                for (Path p : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
        created.clear();
    }

    private static void chownToNobody(Path path, String mode) throws IOException {
        Files.setOwner(path, path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(
                UNPRIVILEGED_USER));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }

    /** A loopback port nobody listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
