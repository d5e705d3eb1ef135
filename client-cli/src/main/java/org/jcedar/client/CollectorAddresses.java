package org.jcedar.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jcedar.address.AddressException;
import org.jcedar.address.SinfulAddress;

/**
 * Where the collector is (Daemon::getCmInfo and findCmDaemon, 10 §6.1): the {@code -pool} argument, else the
 * entries of {@code COLLECTOR_HOST} (or the view collector's {@code CONDOR_VIEW_HOST}). An entry is a sinful or a
 * bare {@code host[:port]}; no port means COLLECTOR_PORT (9618), port 0 means the collector's address file, and a
 * host name is resolved, the name kept as the address's {@code alias}.
 */
final class CollectorAddresses {
    private static final int DEFAULT_COLLECTOR_PORT = 9618;

    private CollectorAddresses() {
    }

    /** The configured entries of {@code <subsystem>_HOST} (then {@code _IP_ADDR}, CM_IP_ADDR), in order. */
    static List<String> configured(String subsystem, ClientConfiguration config) {
        for (String knob : List.of(subsystem + "_HOST", subsystem + "_IP_ADDR", "CM_IP_ADDR")) {
            List<String> entries = config.list(knob);
            if (!entries.isEmpty()) {
                return entries;
            }
        }
        return List.of();
    }

    /** The collectors of the configuration, in order; those that cannot be resolved are skipped (and traced). */
    static List<SinfulAddress> configuredAddresses(String subsystem, ClientConfiguration config, Trace trace)
            throws LocateException {
        List<SinfulAddress> addresses = new ArrayList<>();
        LocateException last = new LocateException(subsystem + " address or hostname not specified in config file");
        for (String entry : configured(subsystem, config)) {
            try {
                addresses.add(resolve(entry, subsystem, config, trace));
            } catch (LocateException e) {
                trace.log(Trace.Category.HOSTNAME, () -> "skipping collector " + entry + ": " + e.getMessage());
                last = e;
            }
        }
        if (addresses.isEmpty()) {
            throw last;
        }
        return addresses;
    }

    /** One collector name as HTCondor's findCmDaemon reads it. */
    static SinfulAddress resolve(String entry, String subsystem, ClientConfiguration config, Trace trace)
            throws LocateException {
        SinfulAddress sinful;
        try {
            sinful = SinfulAddress.parse(entry);
        } catch (AddressException e) {
            throw new LocateException(subsystem + " address or hostname not specified in config file", e);
        }
        int port = sinful.port().orElse((int) config.integer("COLLECTOR_PORT", DEFAULT_COLLECTOR_PORT));
        if (port == 0) {
            Optional<DaemonLocation> fromFile = LocalDaemonFiles.read(subsystem, config, false, trace);
            if (fromFile.isPresent()) {
                return fromFile.get().address();
            }
        }
        String host = sinful.host();
        if (isIpLiteral(host)) {
            return sinful.withHostAndPort(host, port);
        }
        try {
            InetAddress ip = InetAddress.getByName(host);
            String literal = ip.getHostAddress().replaceFirst("%.*$", "");
            SinfulAddress resolved = sinful.withHostAndPort(literal, port);
            return resolved.alias().isPresent() ? resolved : resolved.withParam(SinfulAddress.ALIAS, host);
        } catch (UnknownHostException e) {
            throw new LocateException("unknown host " + host, e);
        }
    }

    private static boolean isIpLiteral(String host) {
        return com.google.common.net.InetAddresses.isInetAddress(host);
    }
}
