package org.jcedar.client;

import java.io.IOException;
import org.jcedar.cedar.CedarException;
import org.jcedar.security.ClientHandshake;
import org.jcedar.security.ClientSession;
import org.jcedar.security.CondorError;
import org.jcedar.security.HandshakeAction;
import org.jcedar.security.HandshakeException;

/** Runs a {@link ClientHandshake} over a {@link CedarSocket}: the command's own payload follows on that socket. */
public final class SecureCommand {

    private SecureCommand() {
    }

    public static ClientSession start(CedarSocket socket, ClientHandshake handshake)
            throws HandshakeException, IOException {
        apply(socket, handshake.start());
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
        }
        return handshake.session();
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
}
