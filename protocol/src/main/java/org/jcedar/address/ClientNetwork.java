package org.jcedar.address;

import java.util.Optional;

/**
 * What a client knows about its own networking when it picks a daemon address (10 §4.4). The caller works these
 * out from its configuration and interfaces; nothing here looks at the machine.
 *
 * @param ipv4                           IPv4 usable: ENABLE_IPV4 not false and the client has an IPv4 address
 * @param ipv6                           IPv6 usable: ENABLE_IPV6 not false and the client has an IPv6 address
 * @param ignoreTargetProtocolPreference IGNORE_TARGET_PROTOCOL_PREFERENCE
 * @param preferOutboundIpv4             PREFER_OUTBOUND_IPV4 (only consulted with the previous one)
 * @param privateNetworkName             PRIVATE_NETWORK_NAME, if set
 */
public record ClientNetwork(boolean ipv4, boolean ipv6, boolean ignoreTargetProtocolPreference,
                            boolean preferOutboundIpv4, Optional<String> privateNetworkName) {

    /** Both protocols usable, HTCondor's defaults otherwise. */
    public static ClientNetwork dualStack() {
        return new ClientNetwork(true, true, false, false, Optional.empty());
    }

    /** Only IPv4 usable, HTCondor's defaults otherwise. */
    public static ClientNetwork ipv4Only() {
        return new ClientNetwork(true, false, false, false, Optional.empty());
    }
}
