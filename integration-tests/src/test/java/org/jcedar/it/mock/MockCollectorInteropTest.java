package org.jcedar.it.mock;

import static org.jcedar.it.real.RealPool.ROOT;
import static org.jcedar.it.real.RealPool.UNPRIVILEGED_USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * The mock's collector role against real HTCondor 23.x and 25.x: real condor_status lists its ads, real tools get
 * the same answers from it as from a real collector that holds the same ads, a real schedd reporting to it
 * appears there and leaves when it stops, and condor_token_fetch finds the mock's schedd through its collector.
 */
class MockCollectorInteropTest {
    private static final PoolOptions OPTIONS = PoolOptions.defaults().withTrustDomain("collector.jcedar.test")
            .withSharedHostTmp();

    @RealHtcondorTest
    void realCondorStatusListsTheMocksOwnAds(RealHtcondor htcondor, @TempDir Path keys) throws Exception {
        RealPool pool = htcondor.sharedPool(OPTIONS);
        try (MockDaemon mock = MockBesidePool.start(pool, keys, Map.of(), "status-" + htcondor.series().major())) {
            String at = "127.0.0.1:" + mock.port();

            ExecResult schedd = pool.exec(UNPRIVILEGED_USER, "condor_status", "-pool", at, "-schedd",
                    "-af", "Name", "MyAddress", "ScheddIpAddr").requireSuccess();
            ExecResult any = pool.exec(UNPRIVILEGED_USER, "condor_status", "-pool", at, "-any",
                    "-af", "MyType", "Name").requireSuccess();
            ExecResult table = pool.exec(UNPRIVILEGED_USER, "condor_status", "-pool", at, "-schedd")
                    .requireSuccess();
            ExecResult collector = pool.exec(UNPRIVILEGED_USER, "condor_status", "-pool", at, "-collector")
                    .requireSuccess();

            assertEquals(MockBesidePool.SCHEDD_NAME + " " + mock.sinfulAddress() + " " + mock.sinfulAddress(),
                    schedd.stdout().strip());
            assertEquals(List.of("Collector mock-collector@localhost", "Scheduler " + MockBesidePool.SCHEDD_NAME),
                    sortedLines(any));
            assertTrue(Pattern.compile("(?m)^" + Pattern.quote(MockBesidePool.SCHEDD_NAME) + "\\s+localhost\\s+0\\s+0"
                    + "\\s+0\\s*$").matcher(table.stdout()).find(), table::describe);
            assertTrue(Pattern.compile("(?m)^mock-collector@localhost\\s+localhost\\s+0\\s+0\\s+0\\s*$")
                    .matcher(collector.stdout()).find(), collector::describe);
        }
    }

    /**
     * The same ads advertised with real condor_advertise to the pool's real collector and to the mock, then the
     * same queries and invalidations: every answer must be the same (lines sorted: the order of ads is the
     * collectors' hash order).
     */
    @RealHtcondorTest
    void realToolsGetTheSameAnswersAsFromARealCollector(RealHtcondor htcondor, @TempDir Path keys) throws Exception {
        RealPool pool = htcondor.startPool(OPTIONS);
        try (pool; MockDaemon mock = MockBesidePool.start(pool, keys, Map.of(), "same-" + htcondor.series().major())) {
            String type = "JcedarThing";
            String ads = """
                    MyType = "JcedarThing"
                    Name = "a1"
                    Size = 1
                    Color = "red"

                    MyType = "JcedarThing"
                    Name = "b1"
                    Size = 3
                    Color = "blue"

                    MyType = "JcedarThing"
                    Name = "b2"
                    Size = 5
                    Color = "Blue"
                    Double = Size * 2
                    _condor_PrivSecret = "hidden"
                    """;
            String ofType = "MyType == \"" + type + "\"";
            List<List<String>> script = List.of(
                    advertise("UPDATE_AD_GENERIC", ads, pool),
                    status(pool, "-any", "-constraint", ofType, "-af", "Name", "Size", "Double", "Color",
                            "_condor_PrivSecret"),
                    status(pool, "-subsystem", type, "-af", "Name"),
                    status(pool, "-any", "-constraint", ofType + " && Size > 2 && regexp(\"^b\", Name)", "-af", "Name"),
                    status(pool, "-any", "-constraint", ofType + " && Color == \"BLUE\"", "-af", "Name"),
                    status(pool, "-any", "-constraint", ofType + " && Color =?= \"blue\"", "-af", "Name"),
                    status(pool, "-any", "-constraint", ofType + " && NoSuch =?= undefined && Size", "-af", "Name"),
                    status(pool, "-any", "-constraint", ofType + " && TARGET.Name == \"a1\"", "-af", "Name"),
                    status(pool, "-any", "-constraint", ofType, "-af", "Double"),
                    advertise("INVALIDATE_ADS_GENERIC", "MyType = \"Query\"\nTargetType = \"" + type + "\"\n"
                            + "Requirements = TARGET.Name == \"b1\"\n", pool),
                    status(pool, "-any", "-constraint", ofType, "-af", "Name"),
                    advertise("INVALIDATE_ADS_GENERIC", "MyType = \"Query\"\nTargetType = \"" + type + "\"\n"
                            + "Requirements = Name == \"b1\"\n", pool),
                    status(pool, "-any", "-constraint", ofType, "-af", "Name"),
                    advertise("INVALIDATE_ADS_GENERIC", "MyType = \"Query\"\nTargetType = \"" + type + "\"\n"
                            + "Name = \"a1\"\n", pool),
                    status(pool, "-any", "-constraint", ofType, "-af", "Name"));

            for (List<String> command : script) {
                ExecResult real = run(pool, command, "127.0.0.1:" + pool.collectorPort());
                ExecResult ours = run(pool, command, "127.0.0.1:" + mock.port());
                assertEquals(real.exitCode(), ours.exitCode(), () -> real.describe() + "\n" + ours.describe());
                assertEquals(sortedLines(real).stream().map(l -> l.replace(":" + pool.collectorPort(), ":@")).toList(),
                        sortedLines(ours).stream().map(l -> l.replace(":" + mock.port(), ":@")).toList(),
                        () -> real.describe() + "\n" + ours.describe());
            }
            ExecResult limited = run(pool, status(pool, "-any", "-constraint", ofType, "-limit", "1", "-af", "Name"),
                    "127.0.0.1:" + mock.port());
            assertEquals(1, sortedLines(limited).size(), limited::describe);
        }
    }

    /** A real pool whose daemons report to their own collector and to the mock: the schedd appears in both. */
    @RealHtcondorTest
    void aRealScheddReportingToTheMockAppearsThereAndLeavesWhenItStops(RealHtcondor htcondor, @TempDir Path keys)
            throws Exception {
        RealPool keySource = htcondor.sharedPool(OPTIONS);
        try (MockDaemon mock = MockBesidePool.start(keySource, keys, Map.of(), "reported-" + htcondor.series().major())) {
            PoolOptions reporting = OPTIONS.withSetting("COLLECTOR_HOST = $(COLLECTOR_HOST), 127.0.0.1:" + mock.port());
            if (htcondor.series().major() == 23) {
                // A 23.x daemon tries its family session with any collector on a local address and, refused, tries
                // it again at every update ("Server rejected our session id"): it can only report to a collector
                // outside its family without family sessions. 25.x falls back to a new session by itself.
                reporting = reporting.withSetting("SEC_USE_FAMILY_SESSION = False");
            }
            RealPool pool = htcondor.startPool(reporting);
            String at = "127.0.0.1:" + mock.port();
            String scheddAd;
            try (pool) {
                // 25.x: the first update fails (the daemons try their family session, which only their own
                // collector knows); the next comes SCHEDD_INTERVAL (10 s) later on a new connection, kept open.
                ExecResult seen = waitFor(() -> pool.exec(UNPRIVILEGED_USER, "condor_status", "-pool", at, "-schedd",
                        "-constraint", "Name == \"localhost\"", "-af", "MyAddress", "AuthenticatedIdentity",
                        "AuthenticationMethod"), r -> !r.stdout().isBlank(), Duration.ofSeconds(60));
                String[] fields = seen.stdout().strip().split(" ");
                assertEquals(pool.scheddAddress(), fields[0], seen::describe);
                assertTrue(fields[1].contains("@"), seen::describe);
                assertTrue(List.of("FS", "IDTOKENS", "CLAIMTOBE").contains(fields[2]), seen::describe);
                scheddAd = seen.stdout();
            }
            // At shutdown the schedd invalidates its ad in every collector it reports to.
            ExecResult after = keySource.exec(UNPRIVILEGED_USER, "condor_status", "-pool", at, "-schedd",
                    "-af", "Name");
            assertEquals(List.of(MockBesidePool.SCHEDD_NAME), sortedLines(after), () -> scheddAd + after.describe());
        }
    }

    @RealHtcondorTest
    void condorTokenFetchFindsTheMocksScheddThroughItsCollector(RealHtcondor htcondor, @TempDir Path keys)
            throws Exception {
        RealPool pool = htcondor.sharedPool(OPTIONS);
        try (MockDaemon mock = MockBesidePool.start(pool, keys, Map.of(), "locate-" + htcondor.series().major())) {
            ExecResult fetch = pool.exec(UNPRIVILEGED_USER, "condor_token_fetch", "-pool", "127.0.0.1:" + mock.port(),
                    "-name", MockBesidePool.SCHEDD_NAME, "-lifetime", "600").requireSuccess();

            SigningKeyStore store = new SigningKeyStore(Optional.of(keys), Optional.of(keys.resolve("POOL")), false,
                    Pattern.compile(SigningKeyStore.DEFAULT_EXCLUDE_REGEXP), ProcessIdentity.realUid());
            VerifiedToken token = new TokenVerifier(store, Clock.systemUTC(), Optional.of(pool.trustDomain()),
                    Optional.empty()).verify(fetch.stdout().strip());
            assertEquals("nobody@" + pool.trustDomain(), token.claims().subject());
            assertEquals(600, token.claims().expiresAt().getAsLong() - token.claims().issuedAt().getAsLong());
        }
    }

    /** condor_advertise as root (DAEMON level), the ads in a file of the pool's directory. */
    private static List<String> advertise(String command, String ads, RealPool pool) throws Exception {
        String name = "ads-" + Math.abs(new SecureRandom().nextInt());
        Files.writeString(pool.directory().resolve(name), ads, StandardCharsets.UTF_8);
        return List.of(ROOT, "condor_advertise", "-pool", "@", "-multiple", command,
                pool.directoryInChroot() + "/" + name);
    }

    private static List<String> status(RealPool pool, String... arguments) {
        List<String> command = new ArrayList<>(List.of(UNPRIVILEGED_USER, "condor_status", "-pool", "@"));
        command.addAll(List.of(arguments));
        return command;
    }

    /** Runs a scripted command with "@" replaced by the collector's address. */
    private static ExecResult run(RealPool pool, List<String> command, String collector) {
        String[] args = command.subList(1, command.size()).stream().map(a -> a.equals("@") ? collector : a)
                .toArray(String[]::new);
        return pool.exec(command.get(0), args);
    }

    private static List<String> sortedLines(ExecResult result) {
        return result.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).sorted().toList();
    }

    private interface Probe {
        ExecResult run();
    }

    private interface Done {
        boolean test(ExecResult result);
    }

    private static ExecResult waitFor(Probe probe, Done done, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        ExecResult last = probe.run();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
            last = probe.run();
        }
        return last;
    }
}
