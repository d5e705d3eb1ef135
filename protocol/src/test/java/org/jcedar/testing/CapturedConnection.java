package org.jcedar.testing;

import java.util.ArrayList;
import java.util.List;
import org.jcedar.cedar.CedarConnection;
import org.jcedar.cedar.CedarException;

/**
 * Both directions of one captured TCP connection, as raw bytes and as message payloads. The payloads come from
 * {@link CedarConnection} in plaintext mode; in an encrypted capture (h) the packets after the handshake are
 * returned as their raw AES-GCM bodies, since the session key is unknown.
 *
 * @param number         1.. in the order the client opened them
 * @param serverRole     {@code collector} or {@code schedd}
 * @param clientToServer everything the client sent
 * @param serverToClient everything the server sent
 */
public record CapturedConnection(int number, String serverRole, byte[] clientToServer, byte[] serverToClient) {

    /** The client's messages in order. */
    public List<byte[]> clientMessages() throws CedarException {
        return messages(clientToServer);
    }

    /** The server's messages in order. */
    public List<byte[]> serverMessages() throws CedarException {
        return messages(serverToClient);
    }

    /** Splits a whole plaintext stream into message payloads; the stream must end at a message boundary. */
    public static List<byte[]> messages(byte[] stream) throws CedarException {
        CedarConnection connection = new CedarConnection();
        connection.receive(stream, 0, stream.length);
        List<byte[]> messages = new ArrayList<>();
        for (byte[] message = connection.nextMessage(); message != null; message = connection.nextMessage()) {
            messages.add(message);
        }
        if (!connection.atMessageBoundary()) {
            throw new CedarException("capture ends inside a message", stream.length);
        }
        return messages;
    }
}
