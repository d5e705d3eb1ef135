package org.jcedar.it.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks a TCP port on 127.0.0.1 that nothing listens on, for a pool to take moments later.
 *
 * <p>A port handed out by the kernel for port 0 comes from the ephemeral range, where any outgoing connection
 * of the machine may take it again before the pool binds it. So ports are drawn at random from below that
 * range first, and only when the range covers everything (HTCondor's kernel tuning widens it to 1024-65535)
 * from the kernel. pool.sh refuses a port that became busy anyway; {@link RealPool} then retries with another.
 */
final class FreeLoopbackPort {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 10_000;
    private static final int RANDOM_ATTEMPTS = 50;

    private FreeLoopbackPort() {
    }

    static int pick() {
        int ephemeralStart = ephemeralRangeStart();
        for (int attempt = 0; attempt < RANDOM_ATTEMPTS && ephemeralStart > LOWEST; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, ephemeralStart);
            if (isFree(port)) {
                return port;
            }
        }
        return kernelChosen();
    }

    private static int ephemeralRangeStart() {
        try {
            String[] bounds = Files.readString(EPHEMERAL_RANGE).trim().split("\\s+");
            return Integer.parseInt(bounds[0]);
        } catch (IOException | NumberFormatException e) {
            return LOWEST; // unknown range: let the kernel choose
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int kernelChosen() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }
}
