package org.jcedar.security.method.fs;

import java.util.Optional;
import org.jcedar.security.Endpoint;

/**
 * The FS directory-name rules that bind a name to one TCP connection (20 §7.2, HTCONDOR-2026-0001). Three
 * generations exist: G0 {@code FS_XXXabcdef} (23.x), G1 {@code FS_<ip>_<port>_XXXabcdef} and G2, the G1 name
 * with a trailing {@code _} to which the client appends the server's address as it sees it.
 */
final class FsChannelBinding {
    static final String PREFIX = "FS_";

    private FsChannelBinding() {
    }

    /** The G1/G2 name prefix for a server whose socket has this local endpoint: {@code FS_<ip>_<port>_}. */
    static String boundPrefix(Endpoint server) {
        return PREFIX + server.ip() + "_" + server.port() + "_";
    }

    /** True for a G2 name: the server asks the client to append a suffix. */
    static boolean wantsSuffix(String basename) {
        return basename.endsWith("_");
    }

    /** The suffix a client appends to a G2 name: the server's {@code ip:port} as the client connected to it. */
    static String suffix(Endpoint serverAsSeen, Optional<String> sharedPortId) {
        return serverAsSeen.hostPort() + sharedPortId.map(id -> "?sock=" + id).orElse("");
    }

    /**
     * The server's check of a suffix a client sent: no path separator, and before any {@code ?sock=} an
     * {@code ip:port} equal to the server's own endpoint of this connection.
     */
    static boolean suffixMatches(String suffix, Endpoint serverLocal) {
        if (suffix.indexOf('/') >= 0) {
            return false;
        }
        int sock = suffix.indexOf("?sock=");
        String address = sock >= 0 ? suffix.substring(0, sock) : suffix;
        return address.equals(serverLocal.hostPort());
    }
}
