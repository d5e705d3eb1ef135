package org.jcedar.client;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.jcedar.security.AuthMethod;
import org.jcedar.security.ClientHandshake;
import org.jcedar.security.CryptoMethod;
import org.jcedar.security.EcdhKeyExchange;
import org.jcedar.security.Endpoint;
import org.jcedar.security.HandshakeException;
import org.jcedar.security.Requirement;
import org.jcedar.security.SecurityPolicy;
import org.jcedar.security.method.claimtobe.ClaimToBeClient;
import org.junit.jupiter.api.Test;

/**
 * The client against servers that misbehave: every case ends with a clear error within the read timeout, never a
 * hang or an unchecked exception.
 */
class SecureCommandAgainstBadServersTest {

    /** What a fake server does with the accepted connection after reading the client's first bytes. */
    interface Behaviour {
        void act(InputStream in, OutputStream out) throws IOException;
    }

    private static Exception runAgainst(Behaviour behaviour) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> serving = CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[4096]);
                    behaviour.act(s.getInputStream(), s.getOutputStream());
                    s.getOutputStream().flush();
                    Thread.sleep(300);
                } catch (IOException | InterruptedException ignored) {
                    // the client hung up
                }
            });
            try (CedarSocket socket = CedarSocket.connect(new Endpoint("127.0.0.1", server.getLocalPort()),
                    Duration.ofSeconds(2), Duration.ofMillis(1500))) {
                ClientHandshake handshake = new ClientHandshake(new ClientHandshake.Settings(60021,
                        OptionalInt.empty(), new SecurityPolicy(Requirement.REQUIRED, Requirement.REQUIRED,
                        Requirement.REQUIRED, Requirement.REQUIRED, Requirement.REQUIRED, List.of(AuthMethod.CLAIMTOBE),
                        List.of(CryptoMethod.AES), 60, 3600), "<127.0.0.1:1>", Optional.empty(), Optional.empty(),
                        "TOOL", 1), EcdhKeyExchange.generate(new SecureRandom()),
                        (m, o) -> Optional.of(new ClaimToBeClient("x")));
                Exception failure = assertThrows(Exception.class, () -> SecureCommand.start(socket, handshake));
                serving.get();
                return failure;
            }
        }
    }

    @Test
    void aSilentServerTimesOut() throws Exception {
        Exception e = runAgainst((in, out) -> {
            try {
                Thread.sleep(2500);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(e instanceof SocketTimeoutException, e.toString());
        assertTrue(e.getMessage().matches("timed out: no answer from 127\\.0\\.0\\.1:\\d+ within 1500 ms"),
                e.getMessage());
    }

    @Test
    void aServerThatHangsUpIsReportedLikeHtcondor() throws Exception {
        Exception e = runAgainst((in, out) -> { });
        assertTrue(e instanceof HandshakeException, e.toString());
        assertTrue(e.getMessage().startsWith("SECMAN:2011:"), e.getMessage());
    }

    @Test
    void garbageIsAProtocolError() throws Exception {
        Exception e = runAgainst((in, out) -> out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes()));
        assertTrue(e instanceof HandshakeException, e.toString());
        assertTrue(e.getMessage().startsWith("SECMAN:2007:malformed data"), e.getMessage());
    }

    @Test
    void anOversizedPacketIsRefusedBeforeItArrives() throws Exception {
        Exception e = runAgainst((in, out) -> out.write(new byte[] {1, 0x7f, 0, 0, 0}));
        assertTrue(e instanceof HandshakeException, e.toString());
        assertTrue(e.getMessage().contains("malformed data"), e.getMessage());
    }

    @Test
    void aTruncatedMessageEndsWithTheConnection() throws Exception {
        Exception e = runAgainst((in, out) -> out.write(new byte[] {1, 0, 0, 0, 100, 0, 0, 0}));
        assertTrue(e instanceof HandshakeException, e.toString());
        assertTrue(e.getMessage().startsWith("SECMAN:2011:"), e.getMessage());
    }

    @Test
    void aWrongMessageIsAProtocolError() throws Exception {
        // a well-framed message that is not a ClassAd: one int 7
        Exception e = runAgainst((in, out) -> out.write(new byte[] {1, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 7}));
        assertTrue(e instanceof HandshakeException, e.toString());
        assertTrue(e.getMessage().contains("malformed message from the server"), e.getMessage());
    }
}
