package org.jcedar.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.jcedar.cedar.CedarConnection;
import org.jcedar.cedar.CedarException;
import org.jcedar.security.Endpoint;

/**
 * The blocking driver of one CEDAR connection: a plain socket with connect and read deadlines around the sans-I/O
 * {@link CedarConnection}. It makes no protocol decisions: it sends what it is given, returns whole messages and
 * switches AES on when told.
 */
public final class CedarSocket implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final CedarConnection connection = new CedarConnection();
    private final Endpoint remote;
    private final Duration readTimeout;
    private final byte[] buffer = new byte[16384];

    private CedarSocket(Socket socket, Endpoint remote, Duration readTimeout) throws IOException {
        this.socket = socket;
        this.remote = remote;
        this.readTimeout = readTimeout;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Connects to {@code target} within {@code connectTimeout}; every later read waits at most {@code readTimeout}.
     */
    public static CedarSocket connect(Endpoint target, Duration connectTimeout, Duration readTimeout)
            throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(target.ip(), target.port()), (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) Math.max(1, readTimeout.toMillis()));
            return new CedarSocket(socket, target, readTimeout);
        } catch (SocketTimeoutException e) {
            socket.close();
            throw new SocketTimeoutException("timed out after " + connectTimeout.toSeconds() + " s connecting to "
                    + target.hostPort());
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot connect to " + target.hostPort() + ": " + e.getMessage(), e);
        }
    }

    /** The daemon's address as this client connected to it (what FS channel binding names). */
    public Endpoint remote() {
        return remote;
    }

    public boolean encrypted() {
        return connection.encrypted();
    }

    public CedarConnection connection() {
        return connection;
    }

    public void send(byte[] payload) throws IOException {
        out.write(connection.encodeMessage(payload));
        out.flush();
    }

    public void enableEncryption(byte[] key) {
        connection.enableAesGcm(key);
    }

    /** The next complete message; {@link PeerClosedException} when the daemon hangs up first. */
    public byte[] receive() throws IOException, CedarException {
        while (true) {
            byte[] message = connection.nextMessage();
            if (message != null) {
                return message;
            }
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                long ms = readTimeout.toMillis();
                throw new SocketTimeoutException("timed out: no answer from " + remote.hostPort() + " within "
                        + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms"));
            }
            if (n < 0) {
                throw new PeerClosedException(remote.hostPort() + " closed the connection");
            }
            connection.receive(buffer, 0, n);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
