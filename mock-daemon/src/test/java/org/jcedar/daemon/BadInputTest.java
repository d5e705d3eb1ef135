package org.jcedar.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.classad.ClassAd;
import org.jcedar.command.CommandNumbers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input, each case while a well-behaved client keeps querying the same daemon: the bad connection is closed
 * (without an answer, as HTCondor's daemons do), the daemon logs why, and the good client is served throughout.
 */
class BadInputTest {
    private static final ClassAd QUERY = ClassAd.builder().set("MyType", "Query").set("TargetType", "Scheduler")
            .set("Requirements", true).build();

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private MockDaemon daemon;

    @BeforeEach
    void start() throws Exception {
        daemon = MockDaemon.builder().set("SEC_DEFAULT_AUTHENTICATION_TIMEOUT", "2")
                .set("SEC_DAEMON_AUTHENTICATION", "REQUIRED").set("ALLOW_READ", "*")
                .log(new PrintStream(log, true, StandardCharsets.UTF_8)).start();
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    @Test
    void garbageBytesCloseTheConnection() throws Exception {
        whileAGoodClientQueries(() -> {
            try (RawConnection bad = new RawConnection(daemon, 5000)) {
                bad.sendBytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                assertTrue(bad.closedByDaemon());
            }
        });
        assertLogged("malformed data");
    }

    @Test
    void aPacketOverOneMebibyteIsRefusedFromItsHeader() throws Exception {
        whileAGoodClientQueries(() -> {
            try (RawConnection bad = new RawConnection(daemon, 5000)) {
                bad.sendBytes(new byte[] {1, 0, 0x20, 0, 0}); // end=1, length 2 MiB; no body follows
                assertTrue(bad.closedByDaemon());
            }
        });
        assertLogged("malformed data");
    }

    @Test
    void aMessageOverTheDaemonsLimitIsRefused() throws Exception {
        whileAGoodClientQueries(() -> {
            try (RawConnection bad = new RawConnection(daemon, 5000)) {
                byte[] packet = new byte[5 + (1 << 20)]; // end=0, 1 MiB of zeros
                packet[2] = 0x10;
                try {
                    for (int i = 0; i < 6; i++) {
                        bad.sendBytes(packet);
                    }
                } catch (IOException e) {
                    // the daemon may hang up before all is sent
                }
                assertTrue(bad.closedByDaemon());
            }
        });
        assertLogged("longer than the limit");
    }

    @Test
    void aTruncatedMessageTimesOut() throws Exception {
        whileAGoodClientQueries(() -> {
            try (RawConnection bad = new RawConnection(daemon, 6000)) {
                bad.sendBytes(new byte[] {1, 0, 0, 0, 100, 0, 0, 0, 0, 0, 0, (byte) 0xea, 0x6a});
                long started = System.nanoTime();
                assertTrue(bad.closedByDaemon());
                assertTrue(System.nanoTime() - started > TimeUnit.MILLISECONDS.toNanos(1500), "closed by the timer");
            }
        });
        assertLogged("timed out waiting for the client");
    }

    @Test
    void aSilentPeerTimesOut() throws Exception {
        whileAGoodClientQueries(() -> {
            try (RawConnection silent = new RawConnection(daemon, 6000)) {
                assertTrue(silent.closedByDaemon());
            }
        });
        assertLogged("timed out waiting for the client");
    }

    @Test
    void anUnknownCommandIsClosedWithoutAnAnswer() throws Exception {
        whileAGoodClientQueries(() -> {
            try (RawConnection raw = new RawConnection(daemon, 5000)) {
                raw.sendCommand(12345, ClassAd.empty());
                assertNull(raw.receive());
            }
            try (RawConnection negotiated = new RawConnection(daemon, 5000)) {
                MessageWriter m1 = new MessageWriter(false).putInt(CommandNumbers.DC_AUTHENTICATE);
                ClassAdWire.write(m1, ClassAd.builder().set("Command", 12345).set("NewSession", "YES")
                        .set("Enact", "NO").set("AuthMethods", "CLAIMTOBE").build());
                negotiated.send(m1.toByteArray());
                assertNull(negotiated.receive());
            }
        });
        assertLogged("unknown command 12345");
    }

    @Test
    void commandsThatNeedAuthenticationAreRefusedWithoutIt() throws Exception {
        whileAGoodClientQueries(() -> {
            for (int command : List.of(CommandNumbers.DC_GET_SESSION_TOKEN, CommandNumbers.DC_LIST_TOKEN_REQUEST,
                    CommandNumbers.DC_AUTO_APPROVE_TOKEN_REQUEST)) {
                try (RawConnection raw = new RawConnection(daemon, 5000)) {
                    raw.sendCommand(command, ClassAd.empty());
                    assertNull(raw.receive(), "command " + command);
                }
            }
        });
        assertLogged("sent without negotiation");
    }

    @Test
    void aMalformedPayloadClosesTheConnection() throws Exception {
        whileAGoodClientQueries(() -> {
            try (RawConnection raw = new RawConnection(daemon, 5000)) {
                raw.send(new MessageWriter(false).putInt(CommandNumbers.QUERY_SCHEDD_ADS).putInt(999_999)
                        .putString("no = ").toByteArray());
                assertNull(raw.receive());
            }
            try (RawConnection raw = new RawConnection(daemon, 5000)) {
                raw.send(new MessageWriter(false).putInt(CommandNumbers.DC_AUTHENTICATE).putInt(1)
                        .putString("=== not an attribute").putString("").putString("").toByteArray());
                assertNull(raw.receive());
            }
        });
        assertLogged("malformed");
    }

    @Test
    void manyIdleConnectionsDoNotStarveOthers() throws Exception {
        List<RawConnection> idle = new ArrayList<>();
        try {
            whileAGoodClientQueries(() -> {
                for (int i = 0; i < 300; i++) {
                    idle.add(new RawConnection(daemon, 5000));
                }
            });
        } finally {
            for (RawConnection c : idle) {
                c.close();
            }
        }
    }

    private interface BadClient {
        void run() throws Exception;
    }

    /** Runs {@code bad} while another thread queries the daemon in a loop; every good query must succeed. */
    private void whileAGoodClientQueries(BadClient bad) throws Exception {
        ExecutorService good = Executors.newSingleThreadExecutor();
        AtomicBoolean running = new AtomicBoolean(true);
        Future<Integer> served = good.submit(() -> {
            int answers = 0;
            while (running.get() || answers == 0) {
                assertEquals(1, RawConnection.query(daemon, CommandNumbers.QUERY_SCHEDD_ADS, QUERY).size());
                answers++;
            }
            return answers;
        });
        try {
            bad.run();
        } finally {
            running.set(false);
            good.shutdown();
        }
        assertTrue(served.get(30, TimeUnit.SECONDS) > 0);
    }

    private void assertLogged(String text) throws InterruptedException {
        for (int i = 0; i < 50 && !log.toString(StandardCharsets.UTF_8).contains(text); i++) {
            Thread.sleep(100);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains(text), () -> "\"" + text + "\" not in the log:\n" + logged);
    }
}
