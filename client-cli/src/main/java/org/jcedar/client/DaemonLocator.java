package org.jcedar.client;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.jcedar.address.AddressException;
import org.jcedar.address.SinfulAddress;
import org.jcedar.classad.ClassAd;
import org.jcedar.command.CollectorQuery;
import org.jcedar.security.HandshakeException;

/**
 * HTCondor's Daemon::locate for a tool (10 §6.1): a daemon named by address is used as is; a local daemon (no
 * {@code -name}, or the local daemon's own name, and no {@code -pool}) is found through the files it writes; any
 * other through a location query to the collector - the one given with {@code -pool}, else those of COLLECTOR_HOST,
 * tried in order. Collectors themselves are found through the configuration (getCmInfo).
 */
public final class DaemonLocator {
    private final ClientConfiguration config;
    private final ClientProcess process;
    private final CondorClient client;
    private final Trace trace;

    DaemonLocator(ClientConfiguration config, ClientProcess process, CondorClient client, Trace trace) {
        this.config = config;
        this.process = process;
        this.client = client;
        this.trace = trace;
    }

    /** A collector named as {@code -pool} names it: a sinful or {@code host[:port]} (DCCollector). */
    public SinfulAddress collector(String pool) throws LocateException {
        return CollectorAddresses.resolve(pool, "COLLECTOR", config, trace);
    }

    /**
     * Locates a daemon.
     *
     * @param name a daemon name, {@code host:port} or a sinful; empty for the local daemon of that type
     * @param pool the collector to ask, as {@link #collector} returned it; empty for the configured ones
     * @throws LocateException        when nothing was found, with the reason
     * @throws IllegalArgumentException for a type HTCondor cannot locate ({@link DaemonType.Locate#UNSUPPORTED}
     *                                and {@link DaemonType.Locate#NOTHING}): check {@link DaemonType#locate()} first
     */
    public DaemonLocation locate(DaemonType type, Optional<String> name, Optional<SinfulAddress> pool)
            throws LocateException {
        DaemonLocation location = switch (type.locate()) {
            case DAEMON -> locateDaemon(type, name, pool);
            case CENTRAL_MANAGER -> locateCollector(type, name, pool);
            case NO_SUBSYSTEM -> throw new LocateException("a " + type.htcondorName()
                    + " daemon cannot be located without its subsystem name");
            default -> throw new IllegalArgumentException(type + " daemons cannot be located");
        };
        trace.log(Trace.Category.ALWAYS, () -> "located " + type.htcondorName() + location.name().map(n -> " " + n)
                .orElse("") + " at " + location.address() + " (" + location.source() + ")");
        return location;
    }

    private DaemonLocation locateCollector(DaemonType type, Optional<String> name, Optional<SinfulAddress> pool)
            throws LocateException {
        if (name.isPresent() || pool.isPresent()) {
            SinfulAddress address = pool.isPresent() && name.isEmpty() ? pool.get()
                    : CollectorAddresses.resolve(name.get(), "COLLECTOR", config, trace);
            return new DaemonLocation(address, name, "the command line");
        }
        String subsystem = type.subsystem().orElseThrow();
        if (type == DaemonType.VIEW_COLLECTOR && !CollectorAddresses.configured(subsystem, config).isEmpty()) {
            return new DaemonLocation(CollectorAddresses.configuredAddresses(subsystem, config, trace).get(0),
                    Optional.empty(), subsystem + "_HOST");
        }
        return new DaemonLocation(CollectorAddresses.configuredAddresses("COLLECTOR", config, trace).get(0),
                Optional.empty(), "COLLECTOR_HOST");
    }

    private DaemonLocation locateDaemon(DaemonType type, Optional<String> givenName, Optional<SinfulAddress> pool)
            throws LocateException {
        String subsystem = type.subsystem().orElseThrow();
        Optional<String> name = givenName;
        if (name.isEmpty() && pool.isEmpty()) {
            name = config.get(subsystem + "_HOST");
            name.ifPresent(host -> trace.log(Trace.Category.HOSTNAME, () -> subsystem + "_HOST names " + host));
        }
        if (name.isPresent()) {
            Optional<SinfulAddress> direct = directAddress(name.get());
            if (direct.isPresent()) {
                return new DaemonLocation(direct.get(), Optional.empty(), "the address given");
            }
        }
        Optional<String> lookupName = name.isPresent() ? Optional.of(canonicalName(name.get())) : Optional.empty();
        boolean local = lookupName.isPresent() ? pool.isEmpty() && lookupName.get().equals(localName(type))
                : type != DaemonType.NEGOTIATOR;
        if (local) {
            boolean superPort = process.isRoot() || config.bool("USE_SUPER_PORT", false);
            Optional<DaemonLocation> fromFiles = LocalDaemonFiles.read(subsystem, config, superPort, trace);
            if (fromFiles.isPresent()) {
                return fromFiles.get();
            }
            trace.log(Trace.Category.HOSTNAME, () -> "no local address for the " + type.htcondorName()
                    + "; asking the collector");
        }
        // Without a name, only the local daemon (by its local name) or, for the negotiator, any can be asked for.
        return query(type, lookupName.or(() -> local ? Optional.of(localName(type)) : Optional.empty()), pool);
    }

    /**
     * A name that is already an address: a sinful, used as it is, or {@code host:port}, whose host name is resolved
     * and kept as the alias (getDaemonInfo).
     */
    private Optional<SinfulAddress> directAddress(String name) throws LocateException {
        if (name.startsWith("<")) {
            try {
                return Optional.of(SinfulAddress.parse(name));
            } catch (AddressException e) {
                throw new LocateException("invalid daemon address " + name + ": " + e.getMessage(), e);
            }
        }
        if (name.indexOf('@') < 0 && name.matches("(\\[[^\\]]*\\]|[^:\\[\\]]+):\\d+")) {
            return Optional.of(CollectorAddresses.resolve(name, "COLLECTOR", config, trace));
        }
        return Optional.empty();
    }

    private DaemonLocation query(DaemonType type, Optional<String> name, Optional<SinfulAddress> pool)
            throws LocateException {
        Optional<DaemonType.Query> kind = type.query();
        if (kind.isEmpty()) {
            throw new LocateException("the collector does not know " + type.htcondorName() + " daemons");
        }
        CollectorQuery query;
        if (name.isPresent()) {
            boolean byMachine = type.locatedByMachine(name.get());
            query = CollectorQuery.locate(kind.get().command(), kind.get().targetType(),
                    byMachine ? "Machine" : "Name", byMachine ? hostPart(name.get()) : name.get(), name.get(),
                    type.extraLocationAttributes());
        } else {
            query = new CollectorQuery(kind.get().command(), kind.get().targetType(), Optional.empty(), List.of(),
                    OptionalLong.empty(), Optional.empty());
        }
        List<SinfulAddress> collectors = pool.isPresent() ? List.of(pool.get())
                : CollectorAddresses.configuredAddresses("COLLECTOR", config, trace);
        String wanted = type.htcondorName() + name.map(n -> " " + n).orElse("");
        LocateException failure = new LocateException("Can't find address for " + wanted);
        for (SinfulAddress collector : collectors) {
            List<ClassAd> ads;
            try {
                ads = client.queryCollector(collector, query);
            } catch (ConnectFailedException | HandshakeException | ReplyException e) {
                trace.log(Trace.Category.HOSTNAME, () -> "collector " + collector + " did not answer: "
                        + e.getMessage());
                failure = new LocateException("collector " + collector + " did not answer: " + e.getMessage(), e);
                continue;
            }
            if (ads.isEmpty()) {
                throw new LocateException("Can't find address for " + wanted);
            }
            ClassAd ad = ads.get(0);
            String subsystem = type.subsystem().orElseThrow();
            Optional<String> address = ad.getString(subsystem + "IpAddr").or(() -> ad.getString("MyAddress"));
            if (address.isEmpty()) {
                throw new LocateException("Can't find address in classad for " + wanted);
            }
            try {
                return new DaemonLocation(SinfulAddress.parse(address.get()), ad.getString("Name"),
                        "collector " + collector);
            } catch (AddressException e) {
                throw new LocateException("invalid address in the collector's ad for " + wanted + ": "
                        + e.getMessage(), e);
            }
        }
        throw failure;
    }

    /**
     * The name of the local daemon of a type, as HTCondor's Daemon::name() gives it: the {@code Name} in its daemon
     * ad file, else the configured local name ({@link #localName}).
     */
    public String localDaemonName(DaemonType type) {
        return type.subsystem().flatMap(subsystem -> LocalDaemonFiles.read(subsystem, config, false, trace))
                .flatMap(DaemonLocation::name).orElseGet(() -> localName(type));
    }

    /**
     * HTCondor's get_daemon_name: a name with '@' is taken as it is; a bare host name must resolve, and names the
     * host's daemon.
     */
    private String canonicalName(String name) throws LocateException {
        if (name.indexOf('@') >= 0) {
            return name;
        }
        try {
            InetAddress.getByName(name);
        } catch (UnknownHostException e) {
            throw new LocateException("unknown host " + name, e);
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * The local daemon's name (Daemon::localName): {@code <TYPE>_NAME} made valid (with {@code @<local host>}
     * when it has no '@'), else the local host name.
     */
    private String localName(DaemonType type) {
        Optional<String> configured = config.get(type.htcondorName() + "_NAME");
        String host = localHostName();
        return configured.map(n -> n.indexOf('@') >= 0 || n.equalsIgnoreCase(host) ? n : n + "@" + host).orElse(host);
    }

    /** NETWORK_HOSTNAME, else this host's name (looked up only when a name must be compared or asked for). */
    private String localHostName() {
        return config.get("NETWORK_HOSTNAME").orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
            } catch (UnknownHostException e) {
                return "localhost";
            }
        });
    }

    private static String hostPart(String name) {
        return name.substring(name.lastIndexOf('@') + 1);
    }
}
