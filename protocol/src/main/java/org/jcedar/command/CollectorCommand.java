package org.jcedar.command;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jcedar.classad.ClassAd;
import org.jcedar.security.Permission;

/**
 * The collector's commands (10 §6, §7) with the levels the real collector registers them at
 * (CollectorDaemon::Init): what kind of operation each is and which table of ads it works on. A command with no
 * table of its own (the generic and multiple forms, QUERY_ANY_ADS) names its table(s) in the ad it carries.
 */
public enum CollectorCommand {
    UPDATE_STARTD_AD(0, Kind.UPDATE, AdTable.MACHINE, Permission.ADVERTISE_STARTD),
    UPDATE_SCHEDD_AD(1, Kind.UPDATE, AdTable.SCHEDULER, Permission.ADVERTISE_SCHEDD),
    UPDATE_MASTER_AD(2, Kind.UPDATE, AdTable.MASTER, Permission.ADVERTISE_MASTER),
    UPDATE_CKPT_SRVR_AD(4, Kind.UPDATE, AdTable.CKPT_SERVER, Permission.DAEMON),
    QUERY_STARTD_ADS(5, Kind.QUERY, AdTable.MACHINE, Permission.READ),
    QUERY_SCHEDD_ADS(6, Kind.QUERY, AdTable.SCHEDULER, Permission.READ),
    QUERY_MASTER_ADS(7, Kind.QUERY, AdTable.MASTER, Permission.READ),
    QUERY_CKPT_SRVR_ADS(9, Kind.QUERY, AdTable.CKPT_SERVER, Permission.READ),
    QUERY_STARTD_PVT_ADS(10, Kind.QUERY, AdTable.MACHINE, Permission.NEGOTIATOR),
    UPDATE_SUBMITTOR_AD(11, Kind.UPDATE, AdTable.SUBMITTER, Permission.ADVERTISE_SCHEDD),
    QUERY_SUBMITTOR_ADS(12, Kind.QUERY, AdTable.SUBMITTER, Permission.READ),
    INVALIDATE_STARTD_ADS(13, Kind.INVALIDATE, AdTable.MACHINE, Permission.ADVERTISE_STARTD),
    INVALIDATE_SCHEDD_ADS(14, Kind.INVALIDATE, AdTable.SCHEDULER, Permission.ADVERTISE_SCHEDD),
    INVALIDATE_MASTER_ADS(15, Kind.INVALIDATE, AdTable.MASTER, Permission.ADVERTISE_MASTER),
    INVALIDATE_CKPT_SRVR_ADS(17, Kind.INVALIDATE, AdTable.CKPT_SERVER, Permission.DAEMON),
    INVALIDATE_SUBMITTOR_ADS(18, Kind.INVALIDATE, AdTable.SUBMITTER, Permission.ADVERTISE_SCHEDD),
    UPDATE_COLLECTOR_AD(19, Kind.UPDATE, AdTable.COLLECTOR, Permission.DAEMON),
    QUERY_COLLECTOR_ADS(20, Kind.QUERY, AdTable.COLLECTOR, Permission.READ),
    INVALIDATE_COLLECTOR_ADS(21, Kind.INVALIDATE, AdTable.COLLECTOR, Permission.DAEMON),
    UPDATE_LICENSE_AD(42, Kind.UPDATE, AdTable.LICENSE, Permission.DAEMON),
    QUERY_LICENSE_ADS(43, Kind.QUERY, AdTable.LICENSE, Permission.READ),
    INVALIDATE_LICENSE_ADS(44, Kind.INVALIDATE, AdTable.LICENSE, Permission.DAEMON),
    UPDATE_STORAGE_AD(45, Kind.UPDATE, AdTable.STORAGE, Permission.DAEMON),
    QUERY_STORAGE_ADS(46, Kind.QUERY, AdTable.STORAGE, Permission.READ),
    INVALIDATE_STORAGE_ADS(47, Kind.INVALIDATE, AdTable.STORAGE, Permission.DAEMON),
    QUERY_ANY_ADS(48, Kind.QUERY, null, Permission.READ),
    UPDATE_NEGOTIATOR_AD(49, Kind.UPDATE, AdTable.NEGOTIATOR, Permission.NEGOTIATOR),
    QUERY_NEGOTIATOR_ADS(50, Kind.QUERY, AdTable.NEGOTIATOR, Permission.READ),
    INVALIDATE_NEGOTIATOR_ADS(51, Kind.INVALIDATE, AdTable.NEGOTIATOR, Permission.NEGOTIATOR),
    QUERY_MULTIPLE_ADS(53, Kind.QUERY, null, Permission.READ),
    QUERY_MULTIPLE_PVT_ADS(54, Kind.QUERY, null, Permission.NEGOTIATOR),
    UPDATE_HAD_AD(55, Kind.UPDATE, AdTable.HAD, Permission.DAEMON),
    QUERY_HAD_ADS(56, Kind.QUERY, AdTable.HAD, Permission.READ),
    INVALIDATE_HAD_ADS(57, Kind.INVALIDATE, AdTable.HAD, Permission.DAEMON),
    UPDATE_AD_GENERIC(58, Kind.UPDATE, null, Permission.DAEMON),
    INVALIDATE_ADS_GENERIC(59, Kind.INVALIDATE, null, Permission.DAEMON),
    UPDATE_STARTD_AD_WITH_ACK(60, Kind.UPDATE, AdTable.MACHINE, Permission.ADVERTISE_STARTD),
    UPDATE_GRID_AD(70, Kind.UPDATE, AdTable.GRID, Permission.DAEMON),
    QUERY_GRID_ADS(71, Kind.QUERY, AdTable.GRID, Permission.READ),
    INVALIDATE_GRID_ADS(72, Kind.INVALIDATE, AdTable.GRID, Permission.DAEMON),
    QUERY_GENERIC_ADS(74, Kind.QUERY, null, Permission.READ),
    UPDATE_ACCOUNTING_AD(77, Kind.UPDATE, AdTable.ACCOUNTING, Permission.NEGOTIATOR),
    QUERY_ACCOUNTING_ADS(78, Kind.QUERY, AdTable.ACCOUNTING, Permission.READ),
    INVALIDATE_ACCOUNTING_ADS(79, Kind.INVALIDATE, AdTable.ACCOUNTING, Permission.NEGOTIATOR);

    /** What a command does with the collector's ads. */
    public enum Kind { UPDATE, QUERY, INVALIDATE }

    private final int number;
    private final Kind kind;
    private final AdTable table;
    private final Permission level;

    CollectorCommand(int number, Kind kind, AdTable table, Permission level) {
        this.number = number;
        this.kind = kind;
        this.table = table;
        this.level = level;
    }

    public int number() {
        return number;
    }

    public Kind kind() {
        return kind;
    }

    /** The table the command works on; empty when the ad it carries names it (generic, multiple, any). */
    public Optional<AdTable> table() {
        return Optional.ofNullable(table);
    }

    public Permission level() {
        return level;
    }

    /**
     * The table an update or invalidation files its ad in: the command's own, but a startd update of a daemon ad
     * ({@code MyType = "StartD"}) goes to the startd daemon ads; the generic commands name the table in
     * {@code MyType} (an update) or {@code TargetType} (an invalidation). Empty when the ad names none.
     */
    public Optional<AdTable> tableFor(ClassAd ad) {
        if (table == null) {
            return ad.getString(kind == Kind.UPDATE ? "MyType" : "TargetType").map(AdTable::of);
        }
        if (table == AdTable.MACHINE && ad.getString(kind == Kind.UPDATE ? "MyType" : "TargetType")
                .map(AdTable::of).map(AdTable.STARTD::equals).orElse(false)) {
            return Optional.of(AdTable.STARTD);
        }
        return Optional.of(table);
    }

    /** An update that carries a second, private ad after the public one (the startd's, 10 §6.5). */
    public boolean carriesPrivateAd() {
        return this == UPDATE_STARTD_AD || this == UPDATE_STARTD_AD_WITH_ACK;
    }

    /** The queries that may see private attributes without asking for them (they need NEGOTIATOR). */
    public boolean privateQuery() {
        return this == QUERY_STARTD_PVT_ADS || this == QUERY_MULTIPLE_PVT_ADS;
    }

    public CommandRegistration registration() {
        return CommandRegistration.of(number, name(), level);
    }

    public static Optional<CollectorCommand> of(int number) {
        return Arrays.stream(values()).filter(c -> c.number == number).findFirst();
    }

    public static List<CollectorCommand> all() {
        return List.of(values());
    }
}
