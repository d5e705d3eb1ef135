package org.jcedar.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import org.jcedar.cedar.CedarConnection;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageReader;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.classad.ClassAd;
import org.jcedar.command.CollectorQueryReply;

/**
 * A plain TCP connection to a daemon for tests: sends raw bytes or CEDAR messages (no security negotiation, as
 * HTCondor sends a raw command), reads messages, and tells when the daemon hangs up.
 */
final class RawConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final CedarConnection connection = new CedarConnection();

    RawConnection(MockDaemon daemon, int readTimeoutMillis) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(daemon.endpoint().ip(), daemon.port()), 5000);
        socket.setSoTimeout(readTimeoutMillis);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void send(byte[] payload) throws IOException {
        sendBytes(connection.encodeMessage(payload));
    }

    /** A raw command: its number and an ad in one message, as a collector query or update without security. */
    void sendCommand(int command, ClassAd... ads) throws IOException {
        MessageWriter writer = new MessageWriter(false).putInt(command);
        for (ClassAd ad : ads) {
            ClassAdWire.write(writer, ad);
        }
        send(writer.toByteArray());
    }

    /** The next message, or null when the daemon closed the connection first. */
    byte[] receive() throws IOException, CedarException {
        byte[] buffer = new byte[8192];
        while (true) {
            byte[] message = connection.nextMessage();
            if (message != null) {
                return message;
            }
            int n = in.read(buffer);
            if (n < 0) {
                return null;
            }
            connection.receive(buffer, 0, n);
        }
    }

    /** Whether the daemon closes the connection (end of stream or reset) before the timeout. */
    boolean closedByDaemon() throws IOException {
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // connection reset
        }
    }

    /** A raw collector query and its answer. */
    static List<ClassAd> query(MockDaemon daemon, int command, ClassAd query) throws IOException, CedarException {
        try (RawConnection c = new RawConnection(daemon, 10_000)) {
            c.sendCommand(command, query);
            byte[] answer = c.receive();
            if (answer == null) {
                throw new IOException("the daemon closed the connection without answering");
            }
            return CollectorQueryReply.read(new MessageReader(answer, false));
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
