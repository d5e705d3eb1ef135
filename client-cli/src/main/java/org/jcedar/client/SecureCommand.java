package org.jcedar.client;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageReader;
import org.jcedar.classad.ClassAd;
import org.jcedar.classad.ClassAdPrinter;
import org.jcedar.classad.Expr;
import org.jcedar.security.ClientHandshake;
import org.jcedar.security.ClientSession;
import org.jcedar.security.CondorError;
import org.jcedar.security.HandshakeAction;
import org.jcedar.security.HandshakeException;

/** Runs a {@link ClientHandshake} over a {@link CedarSocket}: the command's own payload follows on that socket. */
public final class SecureCommand {
    /** Attributes left out of traced ads: key material has no place in a log. */
    private static final Set<String> KEY_ATTRIBUTES = Set.of("ecdhpublickey");

    private SecureCommand() {
    }

    public static ClientSession start(CedarSocket socket, ClientHandshake handshake)
            throws HandshakeException, IOException {
        return start(socket, handshake, Trace.NONE);
    }

    /** Runs the handshake, reporting the ads exchanged (D_SECURITY) and the outcome to {@code trace}. */
    public static ClientSession start(CedarSocket socket, ClientHandshake handshake, Trace trace)
            throws HandshakeException, IOException {
        java.util.List<HandshakeAction> first = handshake.start();
        if (trace.enabled(Trace.Category.SECURITY) && first.get(0) instanceof HandshakeAction.Send m1) {
            trace.log(Trace.Category.SECURITY, "sending DC_AUTHENTICATE with " + describe(m1.payload()));
        }
        apply(socket, first);
        boolean responseTraced = false;
        while (!handshake.finished()) {
            byte[] message;
            try {
                message = socket.receive();
            } catch (PeerClosedException e) {
                throw handshake.peerClosed();
            } catch (CedarException e) {
                throw new HandshakeException(CondorError.secman(CondorError.SECMAN_COMMUNICATION,
                        "malformed data from " + socket.remote().hostPort() + ": " + e.getMessage()));
            }
            apply(socket, handshake.receive(message));
            if (!responseTraced && handshake.serverResponse().isPresent()) {
                responseTraced = true;
                ClassAd response = handshake.serverResponse().get();
                trace.log(Trace.Category.SECURITY, () -> "the server answered " + printable(response));
            }
        }
        ClientSession session = handshake.session();
        trace.log(Trace.Category.ALWAYS, () -> "negotiated: "
                + session.method().map(m -> "authenticated as " + session.mappedUser() + " using " + m.reportedName())
                        .orElse("not authenticated (the server mapped us to " + session.mappedUser() + ")")
                + ", " + session.cipher().map(c -> c.wireName() + " encryption").orElse("no encryption")
                + ", server " + session.serverVersion());
        return session;
    }

    private static void apply(CedarSocket socket, Iterable<HandshakeAction> actions) throws IOException {
        for (HandshakeAction action : actions) {
            if (action instanceof HandshakeAction.Send send) {
                socket.send(send.payload());
            } else if (action instanceof HandshakeAction.EnableEncryption enable) {
                socket.enableEncryption(enable.key());
            } else if (action instanceof HandshakeAction.Close close) {
                throw new IOException("the client handshake gave up: " + close.reason());
            }
        }
    }

    /** The security ad of a DC_AUTHENTICATE message (int command, ad), key attributes left out. */
    private static String describe(byte[] payload) {
        MessageReader reader = new MessageReader(payload, false);
        try {
            reader.getInt();
            return printable(ClassAdWire.read(reader));
        } catch (CedarException e) {
            return "(an ad that does not decode: " + e.getMessage() + ")";
        }
    }

    private static String printable(ClassAd ad) {
        StringBuilder out = new StringBuilder("[");
        for (Map.Entry<String, Expr> entry : ad.entries()) {
            if (!KEY_ATTRIBUTES.contains(entry.getKey().toLowerCase(java.util.Locale.ROOT))) {
                out.append(out.length() > 1 ? "; " : " ").append(ClassAdPrinter.entry(entry.getKey(), entry.getValue()));
            }
        }
        return out.append(" ]").toString();
    }
}
