package org.jcedar.security.authz;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The host part of an ALLOW/DENY entry (20 §13.6): {@code *}, an IP literal, IPv4 with trailing {@code *}
 * components ({@code 128.105.*}), CIDR ({@code 10.0.0.0/8}, IPv6 too), a dotted mask ({@code 10.0.0.0/255.0.0.0}),
 * or a host name glob. Host names without wildcards are resolved once, when the policy is built, as HTCondor does;
 * jcedar does not reverse-resolve peers, so a wildcard host name (e.g. {@code *.example.org}) matches nothing.
 */
public final class HostPattern {
    private final String text;
    private final WildcardPattern ipGlob;
    private final List<byte[]> exactAddresses;
    private final byte[] network;
    private final int prefixLength;

    private HostPattern(String text, WildcardPattern ipGlob, List<byte[]> exactAddresses, byte[] network,
                        int prefixLength) {
        this.text = text;
        this.ipGlob = ipGlob;
        this.exactAddresses = exactAddresses;
        this.network = network;
        this.prefixLength = prefixLength;
    }

    public static HostPattern parse(String text) {
        String host = text.strip();
        if (host.equals("*") || host.equals("*/*")) {
            return new HostPattern(host, new WildcardPattern("*"), List.of(), null, 0);
        }
        int slash = host.indexOf('/');
        if (slash > 0) {
            Optional<byte[]> base = ipLiteral(host.substring(0, slash));
            String mask = host.substring(slash + 1);
            if (base.isPresent()) {
                int bits = base.get().length * 8;
                Optional<Integer> prefix = maskLength(mask, bits);
                if (prefix.isPresent()) {
                    return new HostPattern(host, null, List.of(), base.get(), prefix.get());
                }
            }
            return new HostPattern(host, null, List.of(), null, 0); // not a network: matches nothing
        }
        if (host.indexOf('*') >= 0) {
            return new HostPattern(host, new WildcardPattern(host), List.of(), null, 0);
        }
        Optional<byte[]> literal = ipLiteral(host);
        if (literal.isPresent()) {
            return new HostPattern(host, null, List.of(literal.get()), null, 0);
        }
        List<byte[]> resolved = new ArrayList<>();
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                resolved.add(a.getAddress());
            }
        } catch (UnknownHostException | SecurityException e) {
            // An unresolvable name grants nothing, like an unresolvable entry in HTCondor.
        }
        return new HostPattern(host, null, List.copyOf(resolved), null, 0);
    }

    /** Whether a peer at this IP address matches. */
    public boolean matches(InetAddress peer) {
        byte[] address = peer.getAddress();
        if (ipGlob != null) {
            return ipGlob.matches(peer.getHostAddress());
        }
        if (network != null) {
            return address.length == network.length && samePrefix(address, network, prefixLength);
        }
        for (byte[] exact : exactAddresses) {
            if (java.util.Arrays.equals(exact, address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }

    /** An IPv4 or IPv6 literal, without resolving any name. */
    static Optional<byte[]> ipLiteral(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (t.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            byte[] out = new byte[4];
            String[] parts = t.split("\\.");
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(parts[i]);
                if (v > 255) {
                    return Optional.empty();
                }
                out[i] = (byte) v;
            }
            return Optional.of(out);
        }
        if (t.indexOf(':') >= 0 && t.matches("[0-9A-Fa-f:.]+")) {
            try {
                return Optional.of(InetAddress.getByName(t).getAddress()); // a literal: no lookup happens
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> maskLength(String mask, int bits) {
        if (mask.matches("\\d{1,3}")) {
            int n = Integer.parseInt(mask);
            return n <= bits ? Optional.of(n) : Optional.empty();
        }
        Optional<byte[]> dotted = bits == 32 ? ipLiteral(mask) : Optional.empty();
        if (dotted.isEmpty()) {
            return Optional.empty();
        }
        BigInteger value = new BigInteger(1, dotted.get());
        int ones = value.bitCount();
        BigInteger contiguous = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE.shiftLeft(32 - ones));
        return value.equals(contiguous) ? Optional.of(ones) : Optional.empty();
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((a[i / 8] & mask) != (b[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
