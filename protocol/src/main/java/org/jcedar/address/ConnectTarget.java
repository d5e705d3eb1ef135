package org.jcedar.address;

import java.util.Optional;

/**
 * Where a client connects for a daemon, and how (10 §4.4 step 5).
 *
 * @param host    IP literal (IPv6 without brackets) or, for an address without {@code addrs}, a host name the
 *                caller resolves
 * @param port    TCP port
 * @param address the address as rewritten by the choice: chosen host and port, all parameters kept
 */
public record ConnectTarget(String host, int port, SinfulAddress address) {

    /** Send a SHARED_PORT_CONNECT for this id first (10 §5). */
    public Optional<String> sharedPortId() {
        return address.sharedPortId();
    }

    /** The daemon is reachable only by a CCB reverse connection (not supported by jcedar). */
    public boolean needsCcb() {
        return address.ccbContact().isPresent() && address.sharedPortId().isEmpty();
    }
}
