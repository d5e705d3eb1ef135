package org.jcedar.client;

import java.io.IOException;
import java.util.List;
import org.jcedar.address.ClientNetwork;
import org.jcedar.address.SinfulAddress;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageReader;
import org.jcedar.classad.ClassAd;
import org.jcedar.command.CollectorQuery;
import org.jcedar.command.CollectorQueryReply;
import org.jcedar.command.CommandNumbers;
import org.jcedar.command.ImpersonationTokenRequest;
import org.jcedar.command.SessionTokenReply;
import org.jcedar.command.SessionTokenRequest;
import org.jcedar.security.HandshakeException;

/**
 * A blocking HTCondor client, set up once from a configuration: it locates daemons, queries collectors and asks
 * daemons for session tokens, each command on its own connection with its own security session. Safe to share
 * between threads (a load generator runs many commands at once).
 */
public final class CondorClient {
    private final ClientConfiguration config;
    private final ClientProcess process;
    private final ClientSecurity security;
    private final ClientNetwork network;
    private final Trace trace;

    public CondorClient(ClientConfiguration config, ClientProcess process, ClientSecurity security,
                        ClientNetwork network, Trace trace) {
        this.config = config;
        this.process = process;
        this.security = security;
        this.network = network;
        this.trace = trace;
    }

    /** A client for this process with its configuration's security settings and network preferences. */
    public static CondorClient fromConfiguration(ClientConfiguration config, ClientProcess process,
                                                 EcdhKeyPairs keyPairs, Trace trace)
            throws HandshakeException {
        return new CondorClient(config, process,
                ClientSecurity.fromConfiguration(config, process, keyPairs, trace), network(config), trace);
    }

    /** ENABLE_IPV4/ENABLE_IPV6 (true, false or auto), IGNORE_TARGET_PROTOCOL_PREFERENCE, PREFER_OUTBOUND_IPV4. */
    static ClientNetwork network(ClientConfiguration config) {
        return new ClientNetwork(!config.get("ENABLE_IPV4").map(v -> isFalse(v)).orElse(false),
                !config.get("ENABLE_IPV6").map(v -> isFalse(v)).orElse(false),
                config.bool("IGNORE_TARGET_PROTOCOL_PREFERENCE", false), config.bool("PREFER_OUTBOUND_IPV4", true),
                config.get("PRIVATE_NETWORK_NAME"));
    }

    private static boolean isFalse(String value) {
        return List.of("false", "no", "f", "n", "0").contains(value.strip().toLowerCase(java.util.Locale.ROOT));
    }

    public ClientConfiguration configuration() {
        return config;
    }

    /** Locates daemons as HTCondor's Daemon::locate does. */
    public DaemonLocator locator() {
        return new DaemonLocator(config, process, this, trace);
    }

    /** Opens a connection to {@code address} and negotiates {@code command} on it; the caller sends the payload. */
    public CommandConnection startCommand(SinfulAddress address, int command, Timeouts timeouts)
            throws ConnectFailedException, HandshakeException {
        trace.log(Trace.Category.COMMAND, () -> "starting command " + command + " at " + address);
        return CommandConnection.start(address, command, security, network, timeouts, trace);
    }

    /** The ads a collector returns for {@code query} (10 §6.3, §6.4). */
    public List<ClassAd> queryCollector(SinfulAddress collector, CollectorQuery query)
            throws ConnectFailedException, HandshakeException, ReplyException {
        try (CommandConnection connection = startCommand(collector, query.command(),
                Timeouts.collectorQuery(config))) {
            trace.log(Trace.Category.HOSTNAME, () -> "querying collector " + collector + " with "
                    + query.toAd().toString());
            connection.send(query.toAd());
            List<ClassAd> ads = CollectorQueryReply.read(connection.receive());
            trace.log(Trace.Category.HOSTNAME, () -> "collector " + collector + " returned " + ads.size() + " ad(s)");
            return ads;
        } catch (ConnectFailedException e) {
            throw e;
        } catch (IOException | CedarException e) {
            throw new ReplyException(collector.toString(), e);
        }
    }

    /** DC_GET_SESSION_TOKEN (30 §3): the daemon's reply, a token or the daemon's error. */
    public SessionTokenReply requestSessionToken(SinfulAddress daemon, SessionTokenRequest request)
            throws ConnectFailedException, HandshakeException, ReplyException {
        return tokenCommand(daemon, CommandNumbers.DC_GET_SESSION_TOKEN, request.toAd());
    }

    /**
     * IMPERSONATION_TOKEN_REQUEST (30 §6.4): asks the collector for a token signed by a schedd it knows; the answer
     * has the form of DC_GET_SESSION_TOKEN's.
     */
    public SessionTokenReply requestImpersonationToken(SinfulAddress collector, ImpersonationTokenRequest request)
            throws ConnectFailedException, HandshakeException, ReplyException {
        return tokenCommand(collector, CommandNumbers.IMPERSONATION_TOKEN_REQUEST, request.toAd());
    }

    private SessionTokenReply tokenCommand(SinfulAddress daemon, int command, ClassAd request)
            throws ConnectFailedException, HandshakeException, ReplyException {
        try (CommandConnection connection = startCommand(daemon, command, Timeouts.SESSION_TOKEN)) {
            connection.send(request);
            MessageReader reader = connection.receive();
            ClassAd reply = ClassAdWire.read(reader);
            reader.expectEnd();
            SessionTokenReply answer = SessionTokenReply.fromAd(reply);
            trace.log(Trace.Category.ALWAYS, () -> answer.succeeded() ? "received a token from " + daemon
                    : "the daemon refused: error " + answer.errorCode() + ": " + answer.errorString());
            return answer;
        } catch (ConnectFailedException e) {
            throw e;
        } catch (IOException | CedarException e) {
            throw new ReplyException(daemon.toString(), e);
        }
    }
}
