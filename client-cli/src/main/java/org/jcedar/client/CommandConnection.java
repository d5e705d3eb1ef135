package org.jcedar.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Optional;
import org.jcedar.address.AddressException;
import org.jcedar.address.ClientNetwork;
import org.jcedar.address.ConnectAddressChooser;
import org.jcedar.address.ConnectTarget;
import org.jcedar.address.SharedPortConnect;
import org.jcedar.address.SinfulAddress;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageReader;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.classad.ClassAd;
import org.jcedar.security.ClientHandshake;
import org.jcedar.security.ClientSession;
import org.jcedar.security.CondorError;
import org.jcedar.security.Endpoint;
import org.jcedar.security.HandshakeException;

/**
 * One command on one connection to a daemon, as HTCondor's startCommand runs it: choose the daemon's address
 * (10 §4.4), connect, go through the shared port daemon when the address says {@code sock=} (10 §5), negotiate the
 * security session (20), then exchange the command's own messages - encrypted when the session is.
 */
public final class CommandConnection implements AutoCloseable {
    private final CedarSocket socket;
    private final ClientSession session;
    private final String address;
    private final Trace trace;

    private CommandConnection(CedarSocket socket, ClientSession session, String address, Trace trace) {
        this.socket = socket;
        this.session = session;
        this.address = address;
        this.trace = trace;
    }

    /**
     * Connects to {@code address} and starts {@code command} on it.
     *
     * @throws ConnectFailedException if no connection could be opened
     * @throws HandshakeException     if the daemon refused or the security negotiation failed, with HTCondor's
     *                                error stack (a daemon that stops answering gives SECMAN:2007)
     */
    public static CommandConnection start(SinfulAddress address, int command, ClientSecurity security,
                                          ClientNetwork network, Timeouts timeouts, Trace trace)
            throws ConnectFailedException, HandshakeException {
        ConnectTarget target = choose(address, network);
        CedarSocket socket = connect(address, target, timeouts, trace);
        try {
            Optional<String> sharedPortId = target.sharedPortId();
            if (sharedPortId.isPresent()) {
                SharedPortConnect request = new SharedPortConnect(sharedPortId.get(), ClientSecurity.SUBSYSTEM,
                        (int) timeouts.read().toSeconds());
                socket.send(request.encode());
                if (request.restartsHandshakeDigests()) {
                    socket.connection().restartHandshakeDigests();
                }
                trace.log(Trace.Category.NETWORK, () -> "asked the shared port daemon for " + sharedPortId.get());
            }
            ClientHandshake handshake = security.handshake(command, target.address().toString(), socket.remote(),
                    sharedPortId);
            ClientSession session = SecureCommand.start(socket, handshake, trace);
            return new CommandConnection(socket, session, address.toString(), trace);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new HandshakeException(CondorError.secman(CondorError.SECMAN_COMMUNICATION,
                    "Read failure during security negotiation. (" + e.getMessage() + ")"));
        } catch (HandshakeException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private static ConnectTarget choose(SinfulAddress address, ClientNetwork network) throws ConnectFailedException {
        ConnectTarget target;
        try {
            target = ConnectAddressChooser.choose(address, network);
        } catch (AddressException e) {
            throw new ConnectFailedException(address.toString(), e.getMessage(), e);
        }
        if (target.needsCcb()) {
            throw new ConnectFailedException(address.toString(),
                    "the daemon is reachable only through CCB, which jcedar does not support", null);
        }
        if (target.port() == 0) {
            throw new ConnectFailedException(address.toString(),
                    "port 0 (a shared port reachable only on its own host through a Unix socket)", null);
        }
        return target;
    }

    private static CedarSocket connect(SinfulAddress address, ConnectTarget target, Timeouts timeouts, Trace trace)
            throws ConnectFailedException {
        InetAddress ip;
        try {
            ip = InetAddress.getByName(target.host());
        } catch (UnknownHostException e) {
            throw new ConnectFailedException(address.toString(), "unknown host " + target.host(), e);
        }
        Endpoint endpoint = new Endpoint(ip.getHostAddress().replaceFirst("%.*$", ""), target.port());
        trace.log(Trace.Category.NETWORK, () -> "connecting to " + endpoint.hostPort());
        try {
            CedarSocket socket = CedarSocket.connect(endpoint, timeouts.connect(), timeouts.read());
            trace.log(Trace.Category.ALWAYS, () -> "connected to " + address);
            return socket;
        } catch (SocketTimeoutException e) {
            throw new ConnectFailedException(address.toString(), "no connection within "
                    + timeouts.connect().toSeconds() + " s", e);
        } catch (IOException e) {
            throw new ConnectFailedException(address.toString(), reason(e), e);
        }
    }

    private static String reason(IOException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.toLowerCase(java.util.Locale.ROOT);
    }

    /** What the daemon and this client agreed on. */
    public ClientSession session() {
        return session;
    }

    /** The daemon's address as given. */
    public String address() {
        return address;
    }

    /** Sends one ad as one message (the command's request). */
    public void send(ClassAd ad) throws IOException {
        MessageWriter writer = new MessageWriter(socket.encrypted());
        ClassAdWire.write(writer, ad);
        socket.send(writer.toByteArray());
        trace.log(Trace.Category.NETWORK, () -> "sent " + ad.size() + " attribute(s) to " + address);
    }

    /** The next message, for the command's own decoding. */
    public MessageReader receive() throws IOException, CedarException {
        byte[] message = socket.receive();
        trace.log(Trace.Category.NETWORK, () -> "received " + message.length + " byte(s) from " + address);
        return new MessageReader(message, socket.encrypted());
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(CedarSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a socket we are done with cannot lose anything.
        }
    }
}
