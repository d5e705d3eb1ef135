package org.jcedar.it.mock;

import static org.jcedar.it.real.RealPool.ROOT;
import static org.jcedar.it.real.RealPool.UNPRIVILEGED_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jcedar.daemon.MockDaemon;
import org.jcedar.it.real.ExecResult;
import org.jcedar.it.real.PoolOptions;
import org.jcedar.it.real.RealHtcondor;
import org.jcedar.it.real.RealHtcondorTest;
import org.jcedar.it.real.RealPool;
import org.jcedar.keys.ProcessIdentity;
import org.jcedar.keys.SigningKeyStore;
import org.jcedar.keys.TokenClaims;
import org.jcedar.keys.TokenVerifier;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token-request workflow (30 §5) with real condor_token_request, _list, _approve and _auto_approve 23.x and
 * 25.x, each step run against the pool's real collector and against the mock configured like it: the tools must
 * print the same (request ids, client ids and tokens aside) and exit the same, and the tokens must carry the same
 * claims.
 */
class MockTokenRequestInteropTest {
    private static final Pattern REQUEST_ID = Pattern.compile("RequestId = \"(\\d{7})\"");
    private static final PoolOptions OPTIONS = PoolOptions.defaults().withTrustDomain("requests.jcedar.test")
            .withSharedHostTmp().withSetting("SEC_TOKEN_REQUEST_LIMITS = READ, WRITE, ADVERTISE_STARTD");

    @RealHtcondorTest
    void aRequestIsListedApprovedAndPickedUpAsFromARealCollector(RealHtcondor htcondor, @TempDir Path keys)
            throws Exception {
        RealPool pool = htcondor.sharedPool(OPTIONS);
        try (MockDaemon mock = MockBesidePool.start(pool, keys, Map.of(), "approve-" + htcondor.series().major())) {
            Flow real = approvalFlow(pool, pool.collectorPort());
            Flow ours = approvalFlow(pool, mock.port());

            assertEquals(real.listing(), ours.listing());
            assertEquals(real.approval().exitCode(), ours.approval().exitCode(), ours.approval()::describe);
            assertEquals(withoutIds(real.approval()), withoutIds(ours.approval()));
            assertEquals(0, ours.request().exitCode(), ours.request()::describe);
            assertEquals(withoutIds(real.request()), withoutIds(ours.request()));
            TokenClaims realClaims = claims(pool.passwordsDirectory(), pool, lastLine(real.request()));
            TokenClaims ourClaims = claims(keys, pool, lastLine(ours.request()));
            assertSameClaims(realClaims, ourClaims);
            assertEquals("alice@" + pool.trustDomain(), ourClaims.subject());
            assertEquals(List.of("READ"), ourClaims.authorizations());
        }
    }

    @RealHtcondorTest
    void autoApprovalAndRefusalsAreTheRealCollectors(RealHtcondor htcondor, @TempDir Path keys) throws Exception {
        RealPool pool = htcondor.startPool(OPTIONS);
        try (pool; MockDaemon mock = MockBesidePool.start(pool, keys, Map.of(), "auto-" + htcondor.series().major())) {
            List<List<String>> script = List.of(
                    // SEC_TOKEN_REQUEST_LIMITS leaves nothing of this request
                    List.of(UNPRIVILEGED_USER, "condor_token_request", "-pool", "@", "-identity", "bob",
                            "-authz", "ADMINISTRATOR"),
                    List.of(ROOT, "condor_token_request_approve", "-pool", "@", "-reqid", "1234567"),
                    List.of(ROOT, "condor_token_request_list", "-pool", "@", "-reqid", "not-a-number"),
                    List.of(ROOT, "condor_token_request_auto_approve", "-pool", "@", "-netblock", "127.0.0.1/99",
                            "-lifetime", "600"),
                    // a daemon-like request from the approved network: 25.x gets its token at once, 23.x tools
                    // cannot take it that way ("Remote daemon did not provide a valid request ID.")
                    List.of(UNPRIVILEGED_USER, "condor_token_request", "-pool", "@", "-identity",
                            "condor@" + pool.trustDomain(), "-authz", "ADVERTISE_STARTD", "-lifetime", "300"),
                    List.of(ROOT, "condor_token_request_list", "-pool", "@"));
            for (List<String> step : script) {
                ExecResult real = run(pool, step, pool.collectorPort());
                ExecResult ours = run(pool, step, mock.port());
                assertEquals(real.exitCode(), ours.exitCode(), () -> real.describe() + "\n" + ours.describe());
                assertEquals(withoutIds(real), withoutIds(ours), () -> real.describe() + "\n" + ours.describe());
                if (real.succeeded() && step.get(1).equals("condor_token_request")) {
                    assertSameClaims(claims(pool.passwordsDirectory(), pool, lastLine(real)),
                            claims(keys, pool, lastLine(ours)));
                }
            }
        }
    }

    /** What one approval flow printed: the request (run to its end), the listing and the approval. */
    private record Flow(ExecResult request, String listing, ExecResult approval) {
    }

    private static Flow approvalFlow(RealPool pool, int port) throws Exception {
        String at = "127.0.0.1:" + port;
        CompletableFuture<ExecResult> request = CompletableFuture.supplyAsync(() -> pool.exec(UNPRIVILEGED_USER,
                "condor_token_request", "-pool", at, "-identity", "alice", "-authz", "READ", "-lifetime", "600"));
        String id = null;
        ExecResult listing = null;
        for (int attempt = 0; attempt < 30 && id == null; attempt++) {
            Thread.sleep(500);
            listing = pool.exec(ROOT, "condor_token_request_list", "-pool", at);
            Matcher m = REQUEST_ID.matcher(listing.stdout());
            id = m.find() ? m.group(1) : null;
        }
        assertTrue(id != null, listing::describe);
        ExecResult approval = pool.exec(ROOT, "sh", "-c",
                "echo yes | condor_token_request_approve -pool " + at + " -reqid " + id);
        return new Flow(request.get(60, TimeUnit.SECONDS), withoutIds(listing), approval);
    }

    private static ExecResult run(RealPool pool, List<String> step, int port) {
        String[] args = step.subList(1, step.size()).stream().map(a -> a.equals("@") ? "127.0.0.1:" + port : a)
                .toArray(String[]::new);
        return pool.exec(step.get(0), args);
    }

    /** The output with what differs between two runs replaced: ids, client ids, ports, tokens. */
    private static String withoutIds(ExecResult result) {
        return (result.stdout() + "\n--- stderr ---\n" + result.stderr())
                .replaceAll("\\d{7}", "<id>")
                .replaceAll("ClientId = \"[^\"]*\"", "ClientId = <client>")
                .replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:<port>")
                .replaceAll("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}", "<token>");
    }

    private static String lastLine(ExecResult result) {
        List<String> lines = result.stdout().lines().toList();
        return lines.get(lines.size() - 1).strip();
    }

    private static TokenClaims claims(Path keyDirectory, RealPool pool, String token) throws Exception {
        SigningKeyStore store = new SigningKeyStore(Optional.of(keyDirectory),
                Optional.of(keyDirectory.resolve("POOL")), false,
                Pattern.compile(SigningKeyStore.DEFAULT_EXCLUDE_REGEXP), ProcessIdentity.realUid());
        return new TokenVerifier(store, Clock.systemUTC(), Optional.of(pool.trustDomain()), Optional.empty())
                .verify(token).claims();
    }

    /** Same claims but for the moment and the random id: subject, issuer, scope, lifetime. */
    static void assertSameClaims(TokenClaims real, TokenClaims ours) {
        assertEquals(real.subject(), ours.subject());
        assertEquals(real.issuer(), ours.issuer());
        assertEquals(real.authorizations(), ours.authorizations());
        assertEquals(real.expiresAt().isPresent(), ours.expiresAt().isPresent());
        if (real.expiresAt().isPresent()) {
            assertEquals(real.expiresAt().getAsLong() - real.issuedAt().getAsLong(),
                    ours.expiresAt().getAsLong() - ours.issuedAt().getAsLong());
        }
    }
}
