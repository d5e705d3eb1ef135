package org.jcedar.it.mock;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageReader;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.classad.ClassAd;
import org.jcedar.client.CedarSocket;
import org.jcedar.client.PeerClosedException;
import org.jcedar.client.SecureCommand;
import org.jcedar.daemon.MockDaemon;
import org.jcedar.security.AuthMethod;
import org.jcedar.security.ClientHandshake;
import org.jcedar.security.ClientSession;
import org.jcedar.security.CryptoMethod;
import org.jcedar.security.EcdhKeyExchange;
import org.jcedar.security.HandshakeException;
import org.jcedar.security.Requirement;
import org.jcedar.security.SecurityPolicy;
import org.jcedar.security.method.claimtobe.ClaimToBeClient;

/**
 * jcedar's own client driver (client-cli's CedarSocket and SecureCommand over the protocol's ClientHandshake)
 * running one command against a mock daemon: CLAIMTOBE as a given user, AES, one request ad, the answer's ads.
 */
final class OurClient {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final SecurityPolicy POLICY = new SecurityPolicy(Requirement.REQUIRED, Requirement.REQUIRED,
            Requirement.REQUIRED, Requirement.REQUIRED, Requirement.REQUIRED, List.of(AuthMethod.CLAIMTOBE),
            List.of(CryptoMethod.AES), 60, 3600);

    private OurClient() {
    }

    /** Runs {@code command} with {@code request} as {@code user}; returns the ads answered until the daemon closed. */
    static List<ClassAd> run(MockDaemon daemon, int command, ClassAd request, String user)
            throws IOException, HandshakeException, CedarException {
        try (CedarSocket socket = CedarSocket.connect(daemon.endpoint(), Duration.ofSeconds(5),
                Duration.ofSeconds(30))) {
            ClientHandshake handshake = new ClientHandshake(new ClientHandshake.Settings(command, OptionalInt.empty(),
                    POLICY, daemon.sinfulAddress(), Optional.of(daemon.trustDomain()), Optional.empty(), "TOOL",
                    ProcessHandle.current().pid()), EcdhKeyExchange.generate(RANDOM),
                    (method, offer) -> method == AuthMethod.CLAIMTOBE
                            ? Optional.of(new ClaimToBeClient(user)) : Optional.empty());
            ClientSession session = SecureCommand.start(socket, handshake);
            MessageWriter out = new MessageWriter(session.encrypted());
            ClassAdWire.write(out, request);
            socket.send(out.toByteArray());
            List<ClassAd> answers = new ArrayList<>();
            while (true) {
                byte[] message;
                try {
                    message = socket.receive();
                } catch (PeerClosedException e) {
                    return answers;
                }
                MessageReader reader = new MessageReader(message, session.encrypted());
                answers.add(ClassAdWire.read(reader));
                reader.expectEnd();
            }
        }
    }
}
