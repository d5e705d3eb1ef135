package org.jcedar.client;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jcedar.command.CommandNumbers;

/**
 * The daemon types HTCondor's tools accept for {@code -type} (daemon_types.cpp, as HTCondor 25 names them), with
 * what Daemon::locate does for each: the configuration subsystem whose files it reads, and the collector query that
 * finds the daemon otherwise.
 */
public enum DaemonType {
    ANY(1, "any", Locate.NOTHING, null, 0, null),
    MASTER(2, "master", Locate.DAEMON, "MASTER", CommandNumbers.QUERY_MASTER_ADS, "DaemonMaster"),
    SCHEDD(3, "schedd", Locate.DAEMON, "SCHEDD", CommandNumbers.QUERY_SCHEDD_ADS, "Scheduler"),
    STARTD(4, "startd", Locate.DAEMON, "STARTD", CommandNumbers.QUERY_STARTD_ADS, "Machine"),
    COLLECTOR(5, "collector", Locate.CENTRAL_MANAGER, "COLLECTOR", 0, null),
    NEGOTIATOR(6, "negotiator", Locate.DAEMON, "NEGOTIATOR", CommandNumbers.QUERY_NEGOTIATOR_ADS, "Negotiator"),
    KBDD(7, "kbdd", Locate.DAEMON, "KBDD", 0, null),
    DAGMAN(8, "dagman", Locate.UNSUPPORTED, null, 0, null),
    VIEW_COLLECTOR(9, "view_collector", Locate.CENTRAL_MANAGER, "CONDOR_VIEW", 0, null),
    CLUSTER(10, "cluster_server", Locate.DAEMON, "CLUSTER", 0, null),
    SHADOW(11, "shadow", Locate.UNSUPPORTED, null, 0, null),
    STARTER(12, "starter", Locate.UNSUPPORTED, null, 0, null),
    CREDD(13, "credd", Locate.DAEMON, "CREDD", CommandNumbers.QUERY_GENERIC_ADS, "CredD"),
    GRIDMANAGER(14, "gridmanager", Locate.UNSUPPORTED, null, 0, null),
    LEASE_MANAGER(16, "lease_manager", Locate.UNSUPPORTED, null, 0, null),
    HAD(17, "had", Locate.DAEMON, "HAD", CommandNumbers.QUERY_HAD_ADS, "HAD"),
    /** Locating needs a subsystem that a type name alone does not give, so it always fails. */
    GENERIC(18, "generic", Locate.NO_SUBSYSTEM, null, 0, null);

    /** What Daemon::locate does for a type. */
    public enum Locate {
        /** DT_ANY: nothing; the daemon has no address. */
        NOTHING,
        /** Local files, else a collector query (getDaemonInfo). */
        DAEMON,
        /** A collector: the configured or given collector address (getCmInfo). */
        CENTRAL_MANAGER,
        /** DT_GENERIC named by type only: no subsystem, so nothing can be found. */
        NO_SUBSYSTEM,
        /** HTCondor aborts: "Unknown daemon type (N) in Daemon::locate". */
        UNSUPPORTED
    }

    private final int number;
    private final String htcondorName;
    private final Locate locate;
    private final String subsystem;
    private final int queryCommand;
    private final String targetType;

    DaemonType(int number, String htcondorName, Locate locate, String subsystem, int queryCommand, String targetType) {
        this.number = number;
        this.htcondorName = htcondorName;
        this.locate = locate;
        this.subsystem = subsystem;
        this.queryCommand = queryCommand;
        this.targetType = targetType;
    }

    /** HTCondor's daemon_t value, which its error messages show. */
    public int number() {
        return number;
    }

    /** The name {@code -type} takes and messages show, e.g. {@code schedd}. */
    public String htcondorName() {
        return htcondorName;
    }

    public Locate locate() {
        return locate;
    }

    /** The configuration subsystem of the daemon's files ({@code SCHEDD} for SCHEDD_ADDRESS_FILE, ...). */
    public Optional<String> subsystem() {
        return Optional.ofNullable(subsystem);
    }

    /** The QUERY_* command and TargetType that find the daemon in the collector, if the collector can. */
    public Optional<Query> query() {
        return queryCommand == 0 ? Optional.empty() : Optional.of(new Query(queryCommand, targetType));
    }

    /** A collector query for a type: the command and the TargetType. */
    public record Query(int command, String targetType) {
    }

    /**
     * The address attributes a locate asks for beyond the common ones: a schedd's own address, and (HTCondor 25)
     * the credd address a schedd may publish.
     */
    public List<String> extraLocationAttributes() {
        return this == SCHEDD ? List.of("ScheddIpAddr", "CredDIpAddr") : List.of();
    }

    /** The startd and the HAD daemon are looked up by machine rather than by name when the name has no '@'. */
    public boolean locatedByMachine(String name) {
        return this == HAD || (this == STARTD && name.indexOf('@') < 0);
    }

    /** {@code -type} as HTCondor reads it: the names above, in any case. */
    public static Optional<DaemonType> parse(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (DaemonType type : values()) {
            if (type.htcondorName.equals(lower)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
