package org.jcedar.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcedar.address.ClientNetwork;
import org.jcedar.address.SinfulAddress;
import org.jcedar.command.CommandNumbers;
import org.jcedar.security.HandshakeException;
import org.junit.jupiter.api.Test;

/** How a command fails before the daemon's answer: nobody listening, a hang-up, silence, addresses we cannot reach. */
class CommandConnectionTest {
    private static final Timeouts SHORT = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(1));

    private static ClientSecurity security() throws HandshakeException {
        ClientConfiguration config = knob -> Optional.ofNullable(Map.of("SEC_CLIENT_AUTHENTICATION_METHODS",
                "CLAIMTOBE").get(knob));
        return ClientSecurity.fromConfiguration(config, new ClientProcess(65534, "nobody", Path.of("/nonexistent"),
                1), EcdhKeyPairs.onDemand(new SecureRandom()), Trace.NONE);
    }

    private static CommandConnection start(String address) throws Exception {
        return CommandConnection.start(SinfulAddress.parse(address), CommandNumbers.DC_GET_SESSION_TOKEN, security(),
                ClientNetwork.dualStack(), SHORT, Trace.NONE);
    }

    @Test
    void nobodyListeningIsAConnectFailure() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String address = "<127.0.0.1:" + port + ">";
        ConnectFailedException e = assertThrows(ConnectFailedException.class, () -> start(address));
        assertEquals(address, e.address());
        assertEquals("cannot connect to " + address + ": connection refused", e.getMessage());
    }

    @Test
    void aDaemonThatHangsUpAtOnceEndsTheNegotiationAsHtcondorReportsIt() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread daemon = new Thread(() -> {
                try (Socket client = server.accept()) {
                    client.getInputStream().read(new byte[4096]);
                } catch (IOException ignored) {
                    // the test fails on the client side if the daemon side goes wrong
                }
            });
            daemon.start();
            HandshakeException e = assertThrows(HandshakeException.class,
                    () -> start("<127.0.0.1:" + server.getLocalPort() + ">"));
            assertEquals("SECMAN:2011:Connection closed during command authorization. Probably due to an unknown"
                    + " command.", e.getMessage());
            daemon.join(5000);
        }
    }

    @Test
    void aSilentDaemonTimesOutWithTheReadTimeout() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread daemon = new Thread(() -> {
                try {
                    held.add(server.accept()); // accept, read nothing, answer nothing
                } catch (IOException ignored) {
                    // closed by the test
                }
            });
            daemon.start();
            long started = System.nanoTime();
            HandshakeException e = assertThrows(HandshakeException.class,
                    () -> start("<127.0.0.1:" + server.getLocalPort() + ">"));
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            assertTrue(e.getMessage().startsWith("SECMAN:2007:Read failure during security negotiation. (timed out"),
                    e.getMessage());
            assertTrue(seconds < 10, "gave up after " + seconds + " s");
            daemon.join(5000);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void addressesJcedarCannotReachAreConnectFailures() {
        ConnectFailedException ccb = assertThrows(ConnectFailedException.class,
                () -> start("<10.0.0.5:9618?CCBID=10.0.0.1:9618%231>"));
        assertTrue(ccb.getMessage().endsWith("reachable only through CCB, which jcedar does not support"),
                ccb.getMessage());
        ConnectFailedException local = assertThrows(ConnectFailedException.class,
                () -> start("<127.0.0.1:0?sock=schedd_1_2>"));
        assertTrue(local.getMessage().contains("port 0"), local.getMessage());
    }
}
