package org.jcedar.address;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * HTCondor's rule for the address a client connects to (Daemon::Set_addr and Sock::chooseAddrFromAddrs,
 * 10 §4.4): private network first, then among {@code addrs} the most desirable endpoint of a protocol the client
 * can use - ties in listed order, and only that one endpoint is tried; without {@code addrs}, host and port.
 */
public final class ConnectAddressChooser {
    private ConnectAddressChooser() {
    }

    public static ConnectTarget choose(SinfulAddress sinful, ClientNetwork network) throws AddressException {
        SinfulAddress address = network.privateNetworkName().isPresent()
                ? sinful.forPrivateNetwork(network.privateNetworkName().get()) : sinful;
        if (!address.addrs().isEmpty()) {
            List<IpEndpoint> candidates = new ArrayList<>(address.addrs());
            candidates.sort(Comparator.comparingInt(candidate -> rank(candidate, network))); // stable: ties keep order
            for (IpEndpoint candidate : candidates) {
                if (candidate.ipv4() ? network.ipv4() : network.ipv6()) {
                    String ip = com.google.common.net.InetAddresses.toAddrString(candidate.address());
                    return new ConnectTarget(ip, candidate.port(), address.withHostAndPort(ip, candidate.port()));
                }
            }
            throw new AddressException("no address of a protocol this client can use", address.toString(), -1);
        }
        if (address.port().isEmpty()) {
            throw new AddressException("address has no port", address.toString(), -1);
        }
        return new ConnectTarget(address.host(), address.port().getAsInt(), address);
    }

    /** Lower ranks first; with IGNORE_TARGET_PROTOCOL_PREFERENCE the client's preferred protocol breaks ties. */
    private static int rank(IpEndpoint candidate, ClientNetwork network) {
        int rank = -candidate.desirability();
        if (network.ignoreTargetProtocolPreference()) {
            rank *= 100;
            if (network.preferOutboundIpv4() == candidate.ipv4()) {
                rank -= 10;
            }
        }
        return rank;
    }
}
