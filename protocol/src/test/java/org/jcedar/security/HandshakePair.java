package org.jcedar.security;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.jcedar.cedar.CedarConnection;
import org.jcedar.cedar.CedarException;
import org.jcedar.command.CommandRegistration;
import org.jcedar.command.CommandTable;
import org.jcedar.security.authz.Authorizer;
import org.jcedar.security.method.ClientMethods;
import org.jcedar.security.method.ServerMethods;

/**
 * Runs our ClientHandshake against our ServerHandshake in memory, over two CedarConnections, for tests of logic
 * (fallbacks, refusals, limits). Both peers are jcedar, so these tests prove nothing about the wire: that is what
 * the replays and the interop tests with real HTCondor are for.
 */
final class HandshakePair {
    static final int COMMAND = 60021; // DC_NOP_WRITE

    /** How it ended: the client's session or error, the server's command or the reason it closed. */
    record Outcome(Optional<ClientSession> client, Optional<HandshakeException> clientError,
                   Optional<ServerSession.Command> server, Optional<String> serverClosed) {
    }

    static CommandTable commands() {
        return new CommandTable()
                .register(CommandRegistration.of(60020, "DC_NOP_READ", Permission.READ))
                .register(CommandRegistration.of(60021, "DC_NOP_WRITE", Permission.WRITE))
                .register(CommandRegistration.of(60023, "DC_NOP_ADMINISTRATOR", Permission.ADMINISTRATOR))
                .register(new CommandRegistration(60046, "DC_GET_SESSION_TOKEN", Permission.DAEMON,
                        List.of(Permission.ALLOW), false))
                .register(new CommandRegistration(60049, "DC_LIST_TOKEN_REQUEST", Permission.DAEMON,
                        List.of(Permission.ALLOW), true));
    }

    static ServerHandshake.Settings server(Map<String, String> knobs, ServerMethods methods, SessionCache cache) {
        Function<String, Optional<String>> lookup = name -> Optional.ofNullable(knobs.get(name));
        return new ServerHandshake.Settings(commands(), new ServerPolicies(lookup, "COLLECTOR", true), methods,
                new CommandAuthorization(new Authorizer(lookup, "COLLECTOR")), cache, new SessionIds("test", 1, 0),
                "pair.test", () -> Optional.of("POOL"), Clock.systemUTC());
    }

    static ClientHandshake client(int command, OptionalInt authCommand, SecurityPolicy policy, ClientMethods methods) {
        return new ClientHandshake(new ClientHandshake.Settings(command, authCommand, policy, "<127.0.0.1:9618>",
                Optional.of("pair.test"), Optional.empty(), "TOOL", 1), EcdhKeyExchange.generate(new SecureRandom()),
                methods);
    }

    static Outcome run(ClientHandshake client, ServerHandshake.Settings settings) throws CedarException {
        ServerHandshake server = new ServerHandshake(settings, InetAddress.getLoopbackAddress(), new SecureRandom());
        CedarConnection clientSide = new CedarConnection();
        CedarConnection serverSide = new CedarConnection();
        List<byte[]> toServer = new ArrayList<>();
        List<byte[]> toClient = new ArrayList<>();
        apply(client.start(), clientSide, toServer);
        Optional<String> closed = Optional.empty();
        try {
            while (!client.finished()) {
                for (byte[] wire : toServer) {
                    serverSide.receive(wire, 0, wire.length);
                }
                toServer.clear();
                byte[] m;
                while (closed.isEmpty() && server.command().isEmpty() && (m = serverSide.nextMessage()) != null) {
                    closed = apply(server.receive(m), serverSide, toClient);
                }
                if (toClient.isEmpty()) {
                    throw client.peerClosed();
                }
                for (byte[] wire : toClient) {
                    clientSide.receive(wire, 0, wire.length);
                }
                toClient.clear();
                while (!client.finished() && (m = clientSide.nextMessage()) != null) {
                    apply(client.receive(m), clientSide, toServer);
                }
            }
            return new Outcome(Optional.of(client.session()), Optional.empty(), server.command(), closed);
        } catch (HandshakeException e) {
            return new Outcome(Optional.empty(), Optional.of(e), server.command(), closed);
        }
    }

    private static Optional<String> apply(List<HandshakeAction> actions, CedarConnection connection, List<byte[]> out) {
        for (HandshakeAction action : actions) {
            if (action instanceof HandshakeAction.Send send) {
                out.add(connection.encodeMessage(send.payload()));
            } else if (action instanceof HandshakeAction.EnableEncryption enable) {
                connection.enableAesGcm(enable.key());
            } else if (action instanceof HandshakeAction.Close close) {
                return Optional.of(close.reason());
            }
        }
        return Optional.empty();
    }

    static SecurityPolicy policy(Requirement all, List<AuthMethod> methods) {
        return new SecurityPolicy(all, all, all, all, all, methods, List.of(CryptoMethod.AES), 60, 3600);
    }

    private HandshakePair() {
    }
}
