package org.jcedar.security;

/**
 * One end of a TCP connection as an IP literal and a port. IPv6 literals are kept without brackets; {@link
 * #hostPort()} adds them where HTCondor writes {@code [ip]:port}.
 */
public record Endpoint(String ip, int port) {

    public Endpoint {
        if (ip.startsWith("[") && ip.endsWith("]")) {
            ip = ip.substring(1, ip.length() - 1);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public boolean isIpv6() {
        return ip.indexOf(':') >= 0;
    }

    /** {@code 127.0.0.1:9618} or {@code [::1]:9618}. */
    public String hostPort() {
        return (isIpv6() ? "[" + ip + "]" : ip) + ":" + port;
    }

    public static Endpoint of(java.net.InetSocketAddress address) {
        return new Endpoint(address.getAddress().getHostAddress().replaceFirst("%.*$", ""), address.getPort());
    }
}
