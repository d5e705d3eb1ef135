package org.jcedar.address;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * An IP literal and a port, as listed in a sinful's {@code addrs} parameter (10 §4.2). Only literals: nothing
 * here resolves host names.
 */
public record IpEndpoint(InetAddress address, int port) {

    public IpEndpoint {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " outside 0..65535");
        }
    }

    /**
     * Parses HTCondor's "CCB-safe" form: every {@code :} of {@code ip:port} written as {@code -}, IPv6 in
     * brackets, e.g. {@code 127.0.0.1-4099} or {@code [fd00--2]-4099}. The port follows the last {@code -}.
     *
     * @param position where {@code text} starts in the enclosing address, for error positions
     */
    public static IpEndpoint parseCcbSafe(String text, String whole, int position) throws AddressException {
        int dash = text.lastIndexOf('-');
        if (dash < 0) {
            throw new AddressException("address item without a port", whole, position);
        }
        InetAddress address = parseIp(text.substring(0, dash).replace('-', ':'), whole, position);
        return new IpEndpoint(address, parsePort(text.substring(dash + 1), whole, position + dash + 1));
    }

    /** The CCB-safe form, as HTCondor writes it into {@code addrs}. */
    public String toCcbSafeString() {
        String ip = InetAddresses.toAddrString(address);
        return (address instanceof Inet6Address ? "[" + ip + "]" : ip).replace(':', '-') + "-" + port;
    }

    public boolean ipv4() {
        return address instanceof Inet4Address;
    }

    /**
     * HTCondor's preference among a daemon's addresses (10 §4.4): 1 IPv6 link-local, 2 loopback, 3 IPv4
     * link-local, 4 private (10/8, 172.16/12, 192.168/16, fc00::/7), 5 anything else.
     */
    public int desirability() {
        if (address instanceof Inet6Address && address.isLinkLocalAddress()) {
            return 1;
        }
        if (address.isLoopbackAddress()) {
            return 2;
        }
        if (address.isLinkLocalAddress()) {
            return 3;
        }
        byte[] bytes = address.getAddress();
        boolean privateNetwork = ipv4()
                ? (bytes[0] == 10 || (bytes[0] == (byte) 172 && (bytes[1] & 0xF0) == 16)
                        || (bytes[0] == (byte) 192 && bytes[1] == (byte) 168))
                : (bytes[0] & 0xFE) == 0xFC;
        return privateNetwork ? 4 : 5;
    }

    /** IP and port the way a socket address is usually written: {@code 1.2.3.4:80}, {@code [::1]:80}. */
    @Override
    public String toString() {
        String ip = InetAddresses.toAddrString(address);
        return (ipv4() ? ip : "[" + ip + "]") + ":" + port;
    }

    /** An IPv4 or IPv6 literal, the latter optionally in brackets; scope ids are refused as by inet_pton. */
    static InetAddress parseIp(String text, String whole, int position) throws AddressException {
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (literal.indexOf('%') >= 0 || !InetAddresses.isInetAddress(literal)) {
            throw new AddressException("\"" + text + "\" is not an IP address", whole, position);
        }
        return InetAddresses.forString(literal);
    }

    /** A decimal port 0..65535 (HTCondor's own parsers also take longer digit strings and truncate them). */
    static int parsePort(String digits, String whole, int position) throws AddressException {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(digits) > 65535) {
            throw new AddressException("\"" + digits + "\" is not a port number", whole, position);
        }
        return Integer.parseInt(digits);
    }
}
