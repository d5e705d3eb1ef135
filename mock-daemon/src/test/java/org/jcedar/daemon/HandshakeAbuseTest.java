package org.jcedar.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.jcedar.cedar.CedarConnection;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.config.CondorConfig;
import org.jcedar.config.ConfigEnvironment;
import org.jcedar.security.AuthMethod;
import org.jcedar.security.ClientHandshake;
import org.jcedar.security.CryptoMethod;
import org.jcedar.security.EcdhKeyExchange;
import org.jcedar.security.HandshakeAction;
import org.jcedar.security.Requirement;
import org.jcedar.security.SecurityPolicy;
import org.jcedar.security.method.claimtobe.ClaimToBeClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Peers that abuse the handshake (issue 3's bad input): each is refused with a closed connection, the daemon logs
 * why, and a well-behaved client is served right after. Both ends are jcedar here; what is tested is the daemon's
 * robustness, not the wire format.
 */
class HandshakeAbuseTest {
    private static Path directory;
    private static MockDaemon daemon;
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        directory = Files.createTempDirectory("jcedar-abuse-");
        Path config = directory.resolve("condor_config");
        Files.writeString(config, String.join("\n",
                "TRUST_DOMAIN = abuse.test", "UID_DOMAIN = abuse.test",
                "SEC_PASSWORD_DIRECTORY = " + directory, "SEC_TOKEN_POOL_SIGNING_KEY_FILE = " + directory + "/POOL",
                "SEC_DEFAULT_AUTHENTICATION = REQUIRED", "SEC_DEFAULT_ENCRYPTION = REQUIRED",
                "SEC_DEFAULT_AUTHENTICATION_METHODS = CLAIMTOBE", "SEC_DEFAULT_AUTHENTICATION_TIMEOUT = 2",
                "ALLOW_READ = *", "ALLOW_WRITE = *", ""));
        CondorConfig condorConfig = CondorConfig.load(ConfigEnvironment.builder(DaemonConfiguration.SUBSYSTEM)
                .environment(Map.of("CONDOR_CONFIG", config.toString())).build());
        daemon = MockDaemon.start(DaemonConfiguration.from(condorConfig), InetAddress.getLoopbackAddress(), 0,
                new PrintStream(LOG, true, StandardCharsets.UTF_8), Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws IOException {
        daemon.close();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * Runs a jcedar client handshake for DC_NOP_WRITE, passing each outgoing packet stream through {@code tamper}
     * (index of the client message, wire bytes) and returns whether the daemon finished the handshake.
     */
    private static boolean handshake(Tamper tamper) throws Exception {
        return handshake(60021, tamper);
    }

    private static boolean handshake(int command, Tamper tamper) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), daemon.port())) {
            socket.setSoTimeout(5000);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            CedarConnection connection = new CedarConnection();
            ClientHandshake client = new ClientHandshake(new ClientHandshake.Settings(command, OptionalInt.empty(),
                    new SecurityPolicy(Requirement.REQUIRED, Requirement.REQUIRED, Requirement.REQUIRED,
                            Requirement.REQUIRED, Requirement.REQUIRED, List.of(AuthMethod.CLAIMTOBE),
                            List.of(CryptoMethod.AES), 60, 3600), "<127.0.0.1:1>", Optional.empty(), Optional.empty(),
                    "TOOL", 1), EcdhKeyExchange.generate(new SecureRandom()),
                    (m, o) -> Optional.of(new ClaimToBeClient("mallory")));
            List<HandshakeAction> actions = new ArrayList<>(client.start());
            int sent = 0;
            byte[] buffer = new byte[8192];
            while (true) {
                for (HandshakeAction a : actions) {
                    if (a instanceof HandshakeAction.Send send) {
                        out.write(tamper.apply(sent++, connection.encodeMessage(send.payload())));
                    } else if (a instanceof HandshakeAction.EnableEncryption enable) {
                        connection.enableAesGcm(enable.key());
                    }
                }
                out.flush();
                if (client.finished()) {
                    if (tamper.afterHandshake() != null) {
                        out.write(tamper.apply(sent, connection.encodeMessage(tamper.afterHandshake())));
                        out.flush();
                        return in.read(buffer) < 0 ? false : true;
                    }
                    return true;
                }
                byte[] message;
                while ((message = connection.nextMessage()) == null) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        return false;
                    }
                    connection.receive(buffer, 0, n);
                }
                actions = new ArrayList<>(client.receive(message));
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the daemon neither answered nor closed", e);
        } catch (org.jcedar.security.HandshakeException e) {
            return false;
        }
    }

    /** Changes what the client sends. */
    interface Tamper {
        byte[] apply(int messageIndex, byte[] wire);

        default byte[] afterHandshake() {
            return null;
        }

        static Tamper at(int index, UnaryOperator<byte[]> change) {
            return (i, wire) -> i == index ? change.apply(wire) : wire;
        }
    }

    private static void assertStillServes(String refused) throws Exception {
        assertTrue(handshake(Tamper.at(-1, w -> w)), "a good client is served after: " + refused);
    }

    private static String log() {
        return LOG.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aGoodClientIsServed() throws Exception {
        assertTrue(handshake(Tamper.at(-1, w -> w)));
    }

    @Test
    void garbageInsteadOfTheCommand() throws Exception {
        assertEquals(false, handshake(Tamper.at(0, w -> "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII))));
        assertStillServes("garbage");
    }

    @Test
    void aWrongMessageAtEveryStep() throws Exception {
        byte[] notExpected = new CedarConnection().encodeMessage(new MessageWriter(false).putString("what?").toByteArray());
        for (int step = 0; step < 2; step++) {
            assertEquals(false, handshake(Tamper.at(step, w -> notExpected)), "step " + step);
        }
        assertStillServes("wrong messages");
    }

    @Test
    void anUnknownMethodIsAnsweredWithNoMethod() throws Exception {
        byte[] scitokensOnly = new CedarConnection().encodeMessage(new MessageWriter(false).putInt(4096).toByteArray());
        assertEquals(false, handshake(Tamper.at(1, w -> scitokensOnly)));
        assertStillServes("unknown method");
    }

    @Test
    void anOversizedPacketIsRefusedBeforeItIsRead() throws Exception {
        assertEquals(false, handshake(Tamper.at(0, w -> new byte[] {1, 0x40, 0, 0, 0})));
        assertTrue(log().contains("malformed data"), log());
        assertStillServes("oversized packet");
    }

    /** An empty DC_GET_SESSION_TOKEN request ad, encrypted-mode encoding: the daemon answers it with a token. */
    private static byte[] tokenRequest() {
        MessageWriter out = new MessageWriter(true);
        org.jcedar.cedar.ClassAdWire.write(out, org.jcedar.classad.ClassAd.empty());
        return out.toByteArray();
    }

    private static Tamper afterHandshake(byte[] payload, Tamper tamper) {
        return new Tamper() {
            public byte[] apply(int i, byte[] wire) {
                return tamper.apply(i, wire);
            }

            public byte[] afterHandshake() {
                return payload;
            }
        };
    }

    @Test
    void anUntamperedRequestIsAnswered() throws Exception {
        assertTrue(handshake(60046, afterHandshake(tokenRequest(), Tamper.at(-1, w -> w))));
    }

    @Test
    void aTamperedEncryptedPacketFailsItsTag() throws Exception {
        assertEquals(false, handshake(60046, afterHandshake(tokenRequest(), Tamper.at(3, w -> {
            byte[] copy = w.clone();
            copy[copy.length - 1] ^= 1;
            return copy;
        }))));
        assertStillServes("tampered MAC");
    }

    @Test
    void anEncryptedPacketReplayedOnAnotherConnectionIsRefused() throws Exception {
        byte[][] recorded = new byte[1][];
        assertTrue(handshake(60046, afterHandshake(tokenRequest(), Tamper.at(3, w -> recorded[0] = w))));
        // The same request, recorded from the first connection, on a second one: its first-packet AAD binds it
        // to the first connection's handshake (and key), so the tag fails.
        assertEquals(false, handshake(60046, afterHandshake(tokenRequest(), Tamper.at(3, w -> recorded[0]))));
        assertTrue(log().contains("malformed data"), log());
        assertStillServes("replayed packet");
    }

    @Test
    void aTruncatedMessageThenSilenceTimesOut() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), daemon.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(new byte[] {1, 0, 0, 0, 100, 0, 0});
            long start = System.nanoTime();
            assertEquals(-1, socket.getInputStream().read(), "the daemon closes the connection");
            assertTrue(System.nanoTime() - start < 8_000_000_000L, "within the authentication timeout");
        }
        assertTrue(log().contains("timed out waiting for the client"), log());
        assertStillServes("silence");
    }
}
