package org.jcedar.security;

import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jcedar.security.method.ServerMethods;
import org.jcedar.security.method.anonymous.AnonymousServer;
import org.jcedar.security.method.claimtobe.ClaimToBeClient;
import org.jcedar.security.method.claimtobe.ClaimToBeServer;
import org.jcedar.security.method.fs.FsServer;
import org.jcedar.security.method.fs.LocalFileSystem;
import org.jcedar.testing.Capture;
import org.jcedar.testing.Captures;

/**
 * The state machines on hostile input: whatever a peer sends, in whatever state, the server answers only with
 * sends and a close and the client only with actions or a HandshakeException - never an unchecked exception.
 */
class HandshakeRobustnessProperties {
    private static final Map<String, String> KNOBS = Map.of("SEC_DEFAULT_AUTHENTICATION_METHODS",
            "FS, CLAIMTOBE, ANONYMOUS", "ALLOW_READ", "*", "ALLOW_WRITE", "*");
    private static final ServerMethods METHODS = (method, offer) -> switch (method) {
        case FS -> Optional.of(new FsServer(new FsServer.Settings(Path.of("/tmp"), "r.test", true, "condor"),
                new Endpoint("127.0.0.1", 9618), new LocalFileSystem(), new SecureRandom()));
        case CLAIMTOBE -> Optional.of(new ClaimToBeServer(true, "r.test"));
        case ANONYMOUS -> Optional.of(new AnonymousServer());
        default -> Optional.empty();
    };

    /** Real clients' messages (captures a..g2 of both versions), the seeds of mutation. */
    private static final List<byte[]> REAL_CLIENT_MESSAGES = realClientMessages();

    private static List<byte[]> realClientMessages() {
        try {
            List<byte[]> out = new java.util.ArrayList<>();
            for (Capture c : Captures.all()) {
                if (!c.encrypted()) {
                    for (var connection : c.connections()) {
                        out.addAll(connection.clientMessages());
                    }
                }
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 300)
    void theServerOnlySendsAndClosesWhateverItReceives(@ForAll("sessions") List<byte[]> messages) {
        ServerHandshake server = new ServerHandshake(HandshakePair.server(KNOBS, METHODS, new SessionCache(10)),
                InetAddress.getLoopbackAddress(), new SecureRandom());
        for (byte[] message : messages) {
            List<HandshakeAction> actions = server.receive(message);
            if (actions.stream().anyMatch(a -> a instanceof HandshakeAction.Close) || server.command().isPresent()) {
                return;
            }
        }
    }

    @Property(tries = 300)
    void theClientFailsCleanlyOnAnythingAServerSends(@ForAll("sessions") List<byte[]> messages) {
        ClientHandshake client = HandshakePair.client(60021, OptionalInt.empty(),
                HandshakePair.policy(Requirement.REQUIRED, List.of(AuthMethod.CLAIMTOBE, AuthMethod.FS)),
                (method, offer) -> Optional.of(new ClaimToBeClient("x")));
        client.start();
        try {
            for (byte[] message : messages) {
                client.receive(message);
                if (client.finished()) {
                    return;
                }
            }
        } catch (HandshakeException expected) {
            // the only acceptable failure
        }
    }

    @Provide
    Arbitrary<List<byte[]>> sessions() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> mutated = Arbitraries.of(REAL_CLIENT_MESSAGES).flatMap(m ->
                Arbitraries.integers().between(0, Math.max(0, m.length - 1)).tuple2().map(t -> mutate(m, t.get1(), t.get2())));
        Arbitrary<byte[]> real = Arbitraries.of(REAL_CLIENT_MESSAGES);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, random), net.jqwik.api.Tuple.of(3, mutated),
                net.jqwik.api.Tuple.of(2, real)).list().ofMinSize(1).ofMaxSize(6);
    }

    private static byte[] mutate(byte[] message, int at, int value) {
        byte[] copy = message.clone();
        if (copy.length > 0) {
            copy[at % copy.length] = (byte) value;
        }
        return copy;
    }
}
