package org.jcedar.it.mock;

import static org.jcedar.it.real.RealPool.ROOT;
import static org.jcedar.it.real.RealPool.UNPRIVILEGED_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jcedar.daemon.MockDaemon;
import org.jcedar.it.real.ExecResult;
import org.jcedar.it.real.PoolOptions;
import org.jcedar.it.real.RealHtcondor;
import org.jcedar.it.real.RealHtcondorTest;
import org.jcedar.it.real.RealPool;
import org.jcedar.keys.ProcessIdentity;
import org.jcedar.keys.SigningKeyStore;
import org.jcedar.keys.TokenVerifier;
import org.jcedar.keys.VerifiedToken;
import org.junit.jupiter.api.io.TempDir;

/**
 * Token issuance side by side (30 §3): real condor_token_fetch 23.x and 25.x asks the pool's real schedd and then
 * the mock (configured from the pool's configuration, with the pool's keys) for a token with every option of the
 * manual page; the two tokens must carry the same claims and key, and every refusal must be the same error, code
 * and words, as the tool prints it.
 */
class MockTokenFetchInteropTest {
    private static final String NAMED_KEY = "NAMEDKEY";
    private static final PoolOptions OPTIONS = PoolOptions.defaults().withTrustDomain("fetch.jcedar.test")
            .withSharedHostTmp()
            .withSetting("SEC_TOKEN_FETCH_ALLOWED_SIGNING_KEYS = POOL, " + NAMED_KEY + ", MISSINGKEY")
            // a name with '@': a bare host name is looked up in DNS first (real-htcondor README)
            .withSetting("SCHEDD_NAME = real@localhost");

    /** One condor_token_fetch run: its arguments ("@" is the daemon's address) and extra environment. */
    private record Fetch(List<String> arguments, Map<String, String> environment) {
        static Fetch of(String... arguments) {
            return new Fetch(List.of(arguments), Map.of());
        }
    }

    @RealHtcondorTest
    void everyOptionGivesTheRealSchedsClaimsAndEveryRefusalItsError(RealHtcondor htcondor, @TempDir Path keys)
            throws Exception {
        RealPool pool = htcondor.sharedPool(OPTIONS);
        if (!Files.exists(pool.passwordsDirectory().resolve(NAMED_KEY))) {
            pool.genkey(NAMED_KEY);
        }
        Path tokens = Files.createTempDirectory(Path.of("/tmp"), "jcedar-fetched-");
        Files.setPosixFilePermissions(tokens, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (MockDaemon mock = MockBesidePool.start(pool, keys, Map.of(), "fetch-" + htcondor.series().major())) {
            List<Fetch> fetches = List.of(
                    Fetch.of(),
                    Fetch.of("-authz", "READ", "-authz", "WRITE"),
                    Fetch.of("-authz", "FOO", "-authz", "READ"),
                    Fetch.of("-lifetime", "600"),
                    Fetch.of("-lifetime", "0"),
                    Fetch.of("-lifetime", "-5"),
                    Fetch.of("-lifetime", "4294967896"),
                    Fetch.of("-lifetime", "99999999999999999999"),
                    Fetch.of("-key", NAMED_KEY, "-authz", "ADVERTISE_SCHEDD", "-lifetime", "60"),
                    Fetch.of("-key", "POOL"),
                    Fetch.of("-key", "NOSUCHKEY"),
                    Fetch.of("-key", "MISSINGKEY"),
                    Fetch.of("-key", "../POOL"),
                    Fetch.of("-token", "fetched"),
                    Fetch.of("-type", "SCHEDD"));
            for (Fetch fetch : fetches) {
                compare(pool, fetch, pool.scheddAddress(), mock.sinfulAddress(), keys, tokens);
            }
            // -pool and -name: each daemon located through its own collector
            Fetch located = Fetch.of("-pool", "@pool", "-name", "@name", "-type", "SCHEDD", "-lifetime", "300");
            ExecResult real = run(pool, located, Map.of("@pool", "127.0.0.1:" + pool.collectorPort(),
                    "@name", "real@localhost"), tokens);
            ExecResult ours = run(pool, located, Map.of("@pool", "127.0.0.1:" + mock.port(),
                    "@name", MockBesidePool.SCHEDD_NAME), tokens);
            assertSameOutcome(pool, keys, located, real, ours, tokens);
            // -type COLLECTOR: the collector issues tokens too
            Fetch collector = Fetch.of("-pool", "@pool", "-type", "COLLECTOR", "-authz", "READ");
            assertSameOutcome(pool, keys, collector,
                    run(pool, collector, Map.of("@pool", "127.0.0.1:" + pool.collectorPort()), tokens),
                    run(pool, collector, Map.of("@pool", "127.0.0.1:" + mock.port()), tokens), tokens);
        } finally {
            deleteTree(tokens);
        }
    }

    /** A session made with a READ-scoped token: what it may ask for is bounded by that scope and expiry. */
    @RealHtcondorTest
    void aTokenSessionCannotGetMoreThanItsTokenAllows(RealHtcondor htcondor, @TempDir Path keys) throws Exception {
        RealPool pool = htcondor.sharedPool(OPTIONS);
        Path tokens = Files.createTempDirectory(Path.of("/tmp"), "jcedar-scoped-");
        try (MockDaemon mock = MockBesidePool.start(pool, keys, Map.of(), "scoped-" + htcondor.series().major())) {
            String token = pool.exec(ROOT, "condor_token_create", "-identity", "nobody@" + pool.trustDomain(),
                    "-authz", "READ", "-lifetime", "300").requireSuccess().stdout().strip();
            Path tokenFile = tokens.resolve("read-token");
            Files.writeString(tokenFile, token + "\n");
            UserPrincipalLookupService users = tokens.getFileSystem().getUserPrincipalLookupService();
            for (Path p : List.of(tokens, tokenFile)) {
                Files.setOwner(p, users.lookupPrincipalByName(UNPRIVILEGED_USER));
            }
            Files.setPosixFilePermissions(tokens, PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
            Map<String, String> withToken = Map.of("_CONDOR_SEC_CLIENT_AUTHENTICATION_METHODS", "IDTOKENS",
                    "_CONDOR_SEC_TOKEN_DIRECTORY", tokens.toString());
            for (List<String> arguments : List.of(List.<String>of(), List.of("-authz", "READ"),
                    List.of("-authz", "WRITE"), List.of("-authz", "READ", "-authz", "WRITE"),
                    List.of("-lifetime", "3600"), List.of("-lifetime", "60"))) {
                compare(pool, new Fetch(arguments, withToken), pool.scheddAddress(), mock.sinfulAddress(), keys,
                        tokens);
            }
        } finally {
            deleteTree(tokens);
        }
    }

    /** SEC_TOKEN_REVOCATION_EXPR: a token it holds true, or neither true nor false, does not authenticate. */
    @RealHtcondorTest
    void revokedTokensAreRefusedAsByTheRealSchedd(RealHtcondor htcondor, @TempDir Path keys) throws Exception {
        Path tokens = Files.createTempDirectory(Path.of("/tmp"), "jcedar-revoked-");
        try (RealPool pool = htcondor.startPool(OPTIONS.withSetting("SEC_TOKEN_REVOCATION_EXPR = scope == \"condor:/WRITE\""));
             MockDaemon mock = MockBesidePool.start(pool, keys, Map.of(), "revoked-" + htcondor.series().major())) {
            UserPrincipalLookupService users = tokens.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(tokens, users.lookupPrincipalByName(UNPRIVILEGED_USER));
            Files.setPosixFilePermissions(tokens, PosixFilePermissions.fromString("rwx------"));
            Map<String, String> withToken = Map.of("_CONDOR_SEC_CLIENT_AUTHENTICATION_METHODS", "IDTOKENS",
                    "_CONDOR_SEC_TOKEN_DIRECTORY", tokens.toString());
            for (List<String> scope : List.of(List.of("-authz", "READ"), List.of("-authz", "WRITE"), List.<String>of())) {
                List<String> create = new ArrayList<>(List.of("condor_token_create", "-identity",
                        "nobody@" + pool.trustDomain(), "-lifetime", "300"));
                create.addAll(scope);
                String token = pool.exec(ROOT, create.toArray(String[]::new)).requireSuccess().stdout().strip();
                Path tokenFile = tokens.resolve("token");
                Files.writeString(tokenFile, token + "\n");
                Files.setOwner(tokenFile, users.lookupPrincipalByName(UNPRIVILEGED_USER));
                Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
                ExecResult real = run(pool, withName(new Fetch(List.of(), withToken), pool.scheddAddress()), Map.of(),
                        tokens);
                ExecResult ours = run(pool, withName(new Fetch(List.of(), withToken), mock.sinfulAddress()), Map.of(),
                        tokens);
                assertEquals(real.exitCode(), ours.exitCode(), () -> scope + "\n" + real.describe() + ours.describe());
                assertEquals(scope.contains("READ") ? 0 : 1, ours.exitCode(), ours::describe);
                assertEquals(real.stderr(), ours.stderr(), () -> scope + "\n" + real.describe() + ours.describe());
            }
        } finally {
            deleteTree(tokens);
        }
    }

    /**
     * The knobs that shape issuance: the lifetime cap, fetching switched off, the issuer key (held, and not
     * held); and a session
     * without authentication (DAEMON level made optional, the client asking for none), which gets no token.
     */
    @RealHtcondorTest
    void theIssuanceKnobsActAsOnTheRealSchedd(RealHtcondor htcondor, @TempDir Path keys) throws Exception {
        Map<String, String> unauthenticated = Map.of("_CONDOR_SEC_CLIENT_AUTHENTICATION", "NEVER",
                "_CONDOR_SEC_CLIENT_ENCRYPTION", "OPTIONAL", "_CONDOR_SEC_CLIENT_INTEGRITY", "OPTIONAL");
        Map<List<String>, Map<String, String>> variants = new java.util.LinkedHashMap<>();
        variants.put(List.of("SEC_ISSUED_TOKEN_EXPIRATION = 120"), Map.of());
        variants.put(List.of("SEC_ENABLE_TOKEN_FETCH = False"), Map.of());
        variants.put(List.of("SEC_TOKEN_ISSUER_KEY = " + NAMED_KEY), Map.of());
        variants.put(List.of("SEC_TOKEN_ISSUER_KEY = NOSUCHKEY"), Map.of());
        variants.put(List.of("SEC_DAEMON_AUTHENTICATION = OPTIONAL", "SEC_DAEMON_ENCRYPTION = OPTIONAL",
                "SEC_DAEMON_INTEGRITY = OPTIONAL"), unauthenticated);
        int n = 0;
        for (Map.Entry<List<String>, Map<String, String>> variant : variants.entrySet()) {
            PoolOptions options = OPTIONS;
            for (String setting : variant.getKey()) {
                options = options.withSetting(setting);
            }
            Path copy = Files.createDirectory(keys.resolve("variant-" + ++n));
            try (RealPool pool = htcondor.startPool(options)) {
                pool.genkey(NAMED_KEY);
                try (MockDaemon mock = MockBesidePool.start(pool, copy, Map.of(),
                        "knobs-" + n + "-" + htcondor.series().major())) {
                    for (List<String> arguments : List.of(List.<String>of(), List.of("-lifetime", "600"),
                            List.of("-lifetime", "60"))) {
                        compare(pool, new Fetch(arguments, variant.getValue()), pool.scheddAddress(),
                                mock.sinfulAddress(), copy, keys);
                    }
                }
            }
        }
    }

    private static void compare(RealPool pool, Fetch fetch, String realAddress, String mockAddress, Path mockKeys,
                                Path tokens) throws Exception {
        ExecResult real = run(pool, withName(fetch, realAddress), Map.of(), tokens);
        ExecResult ours = run(pool, withName(fetch, mockAddress), Map.of(), tokens);
        assertSameOutcome(pool, mockKeys, fetch, real, ours, tokens);
    }

    /** -name with the daemon's address (what the tool accepts instead of a name), unless the fetch names one. */
    private static Fetch withName(Fetch fetch, String address) {
        if (fetch.arguments().contains("-name")) {
            return fetch;
        }
        List<String> arguments = new ArrayList<>(List.of("-name", address));
        arguments.addAll(fetch.arguments());
        return new Fetch(arguments, fetch.environment());
    }

    private static ExecResult run(RealPool pool, Fetch fetch, Map<String, String> replace, Path tokens)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("condor_token_fetch"));
        for (String argument : fetch.arguments()) {
            command.add(replace.getOrDefault(argument, argument));
        }
        Map<String, String> environment = new java.util.HashMap<>(fetch.environment());
        if (fetch.arguments().contains("-token")) {
            Files.deleteIfExists(tokens.resolve("fetched"));
            environment.put("_CONDOR_SEC_TOKEN_DIRECTORY", tokens.toString());
        }
        ExecResult result = pool.exec(UNPRIVILEGED_USER, environment, command.toArray(String[]::new));
        if (fetch.arguments().contains("-token") && result.succeeded()) {
            // the token went to the file; keep it as if printed, to compare its claims
            return new ExecResult(result.command(), result.exitCode(),
                    Files.readString(tokens.resolve("fetched")), result.stderr());
        }
        return result;
    }

    private static void assertSameOutcome(RealPool pool, Path mockKeys, Fetch fetch, ExecResult real,
                                          ExecResult ours, Path tokens) throws Exception {
        String what = fetch.arguments() + " " + fetch.environment() + "\n" + real.describe() + "\n" + ours.describe();
        assertEquals(real.exitCode(), ours.exitCode(), what);
        if (!real.succeeded()) {
            assertEquals(normalized(real.stderr(), pool, mockKeys), normalized(ours.stderr(), pool, mockKeys), what);
            return;
        }
        VerifiedToken realToken = verifier(pool.passwordsDirectory(), pool).verify(real.stdout().strip());
        VerifiedToken ourToken = verifier(mockKeys, pool).verify(ours.stdout().strip());
        assertEquals(realToken.keyId(), ourToken.keyId(), what);
        if (fetch.environment().containsKey("_CONDOR_SEC_TOKEN_DIRECTORY")) {
            // Either capped by the session's token (both end when it ends, whenever each was issued) or shorter
            // than that cap (both last the lifetime asked for); the two fetches may fall in different seconds.
            assertEquals(realToken.claims().subject(), ourToken.claims().subject(), what);
            assertEquals(realToken.claims().authorizations(), ourToken.claims().authorizations(), what);
            long realExpiry = realToken.claims().expiresAt().orElseThrow();
            long ourExpiry = ourToken.claims().expiresAt().orElseThrow();
            long realLifetime = realExpiry - realToken.claims().issuedAt().orElseThrow();
            long ourLifetime = ourExpiry - ourToken.claims().issuedAt().orElseThrow();
            assertTrue(realExpiry == ourExpiry || realLifetime == ourLifetime,
                    "expiry " + realExpiry + " vs " + ourExpiry + ", lifetime " + realLifetime + " vs " + ourLifetime
                            + "\n" + what);
        } else {
            MockTokenRequestInteropTest.assertSameClaims(realToken.claims(), ourToken.claims());
        }
        assertTrue(ourToken.claims().jwtId().orElseThrow().matches("[0-9a-f]{32}"), what);
    }

    /** Key paths differ (the mock holds copies of the pool's keys): they are the only allowed difference. */
    private static String normalized(String stderr, RealPool pool, Path mockKeys) {
        return stderr.replace(pool.directoryInChroot() + "/etc/passwords.d", "<keys>")
                .replace(mockKeys.toString(), "<keys>");
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var tree = Files.walk(root)) {
            for (Path path : (Iterable<Path>) tree.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    private static TokenVerifier verifier(Path keyDirectory, RealPool pool) {
        SigningKeyStore store = new SigningKeyStore(Optional.of(keyDirectory),
                Optional.of(keyDirectory.resolve("POOL")), false,
                Pattern.compile(SigningKeyStore.DEFAULT_EXCLUDE_REGEXP), ProcessIdentity.realUid());
        return new TokenVerifier(store, Clock.systemUTC(), Optional.of(pool.trustDomain()), Optional.empty());
    }
}
