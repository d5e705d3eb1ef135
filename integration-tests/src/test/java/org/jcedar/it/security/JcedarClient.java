package org.jcedar.it.security;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jcedar.address.ClientNetwork;
import org.jcedar.address.ConnectAddressChooser;
import org.jcedar.address.ConnectTarget;
import org.jcedar.address.SinfulAddress;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageReader;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.client.CedarSocket;
import org.jcedar.client.SecureCommand;
import org.jcedar.command.CommandNumbers;
import org.jcedar.command.SecQueryReply;
import org.jcedar.command.SessionTokenReply;
import org.jcedar.command.SessionTokenRequest;
import org.jcedar.security.ClientHandshake;
import org.jcedar.security.ClientSession;
import org.jcedar.security.EcdhKeyExchange;
import org.jcedar.security.Endpoint;
import org.jcedar.security.HandshakeException;
import org.jcedar.security.Permission;
import org.jcedar.security.SecurityPolicy;
import org.jcedar.security.SecurityPolicyReader;
import org.jcedar.security.method.ClientMethods;

/**
 * jcedar's client side in this JVM, as the handshake tests drive it: the security state machine over the blocking
 * socket driver, with a client policy read from configuration knobs, for DC_SEC_QUERY (condor_ping) and
 * DC_GET_SESSION_TOKEN.
 */
final class JcedarClient {
    private final Map<String, String> knobs;
    private final ClientMethods methods;
    private final boolean tokenAvailable;

    JcedarClient(Map<String, String> knobs, ClientMethods methods, boolean tokenAvailable) {
        this.knobs = knobs;
        this.methods = methods;
        this.tokenAvailable = tokenAvailable;
    }

    /** What condor_ping reports: the session and whether the server said the command would be authorized. */
    record Ping(ClientSession session, boolean authorized) {
    }

    static Endpoint endpoint(String sinful) throws Exception {
        ConnectTarget target = ConnectAddressChooser.choose(SinfulAddress.parse(sinful), ClientNetwork.ipv4Only());
        return new Endpoint(target.host(), target.port());
    }

    Ping ping(String sinful, int nopCommand) throws Exception {
        try (CedarSocket socket = connect(sinful)) {
            ClientSession session = SecureCommand.start(socket, handshake(sinful, CommandNumbers.DC_SEC_QUERY,
                    OptionalInt.of(nopCommand)));
            return new Ping(session, SecQueryReply.decode(new MessageReader(socket.receive(), socket.encrypted())));
        }
    }

    SessionTokenReply fetchToken(String sinful, SessionTokenRequest request) throws Exception {
        try (CedarSocket socket = connect(sinful)) {
            SecureCommand.start(socket, handshake(sinful, CommandNumbers.DC_GET_SESSION_TOKEN, OptionalInt.empty()));
            MessageWriter out = new MessageWriter(socket.encrypted());
            ClassAdWire.write(out, request.toAd());
            socket.send(out.toByteArray());
            return SessionTokenReply.fromAd(ClassAdWire.read(new MessageReader(socket.receive(), socket.encrypted())));
        }
    }

    private CedarSocket connect(String sinful) throws Exception {
        return CedarSocket.connect(endpoint(sinful), Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    private ClientHandshake handshake(String sinful, int command, OptionalInt authCommand)
            throws HandshakeException, IOException {
        SecurityPolicy policy = new SecurityPolicyReader(name -> Optional.ofNullable(knobs.get(name)), "TOOL")
                .read(Permission.CLIENT, false, tokenAvailable);
        return new ClientHandshake(new ClientHandshake.Settings(command, authCommand, policy, sinful,
                Optional.ofNullable(knobs.get("TRUST_DOMAIN")), Optional.empty(), "TOOL", ProcessHandle.current().pid()),
                EcdhKeyExchange.generate(new SecureRandom()), methods);
    }
}
