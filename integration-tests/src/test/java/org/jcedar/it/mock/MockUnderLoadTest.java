package org.jcedar.it.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jcedar.classad.ClassAd;
import org.jcedar.command.CommandNumbers;
import org.jcedar.command.TokenRequests;
import org.jcedar.daemon.MockDaemon;
import org.jcedar.daemon.MockDaemonExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The mock under load from jcedar's own client: many clients at once are all served, and a flood of token
 * requests is capped as HTCondor caps it while other clients keep getting their tokens.
 */
class MockUnderLoadTest {
    @RegisterExtension
    final MockDaemonExtension mock = new MockDaemonExtension(MockDaemon.builder().trustDomain("load.test")
            .set("SEC_DEFAULT_AUTHENTICATION_METHODS", "CLAIMTOBE").set("ALLOW_READ", "*").set("ALLOW_WRITE", "*")
            .set("ALLOW_DAEMON", "*"));

    @Test
    void manyClientsAtOnceAreAllServed(MockDaemon daemon) throws Exception {
        List<Callable<Integer>> clients = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            String user = "user" + c + "@load.test";
            clients.add(() -> {
                int tokens = 0;
                for (int i = 0; i < 25; i++) {
                    tokens += fetch(daemon, user) ? 1 : 0;
                }
                return tokens;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            int total = 0;
            for (Future<Integer> done : pool.invokeAll(clients, 2, TimeUnit.MINUTES)) {
                total += done.get();
            }
            assertEquals(16 * 25, total);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFloodOfTokenRequestsIsCappedWhileOthersAreServed(MockDaemon daemon) throws Exception {
        ExecutorService flood = Executors.newFixedThreadPool(4);
        ExecutorService good = Executors.newSingleThreadExecutor();
        AtomicBoolean flooding = new AtomicBoolean(true);
        Future<Integer> served = good.submit(() -> {
            int tokens = 0;
            while (flooding.get() || tokens == 0) {
                assertTrue(fetch(daemon, "good@load.test"));
                tokens++;
            }
            return tokens;
        });
        try {
            List<Callable<Integer>> senders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                senders.add(() -> {
                    int taken = 0;
                    for (int i = 0; i < 275; i++) {
                        ClassAd request = ClassAd.builder().set("ClientId", "flood-" + thread + "-" + i)
                                .set("User", "victim@load.test").set("LimitAuthorization", "READ").build();
                        List<ClassAd> reply = OurClient.run(daemon, CommandNumbers.DC_START_TOKEN_REQUEST, request,
                                "flooder@load.test");
                        taken += reply.get(0).contains("RequestId") ? 1 : 0;
                    }
                    return taken;
                });
            }
            int taken = 0;
            for (Future<Integer> done : flood.invokeAll(senders, 3, TimeUnit.MINUTES)) {
                taken += done.get();
            }
            assertEquals(TokenRequests.MAX_REQUESTS + 1, taken, "HTCondor takes requests while it holds at most 1000");
        } finally {
            flooding.set(false);
            flood.shutdownNow();
            good.shutdown();
        }
        assertTrue(served.get(1, TimeUnit.MINUTES) > 0);
    }

    private static boolean fetch(MockDaemon daemon, String user) throws Exception {
        List<ClassAd> reply = OurClient.run(daemon, CommandNumbers.DC_GET_SESSION_TOKEN, ClassAd.empty(), user);
        return reply.size() == 1 && reply.get(0).getString("Token").isPresent();
    }
}
