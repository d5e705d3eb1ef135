package org.jcedar.command;

import java.util.List;
import java.util.Optional;
import org.jcedar.address.AddressException;
import org.jcedar.address.SinfulAddress;
import org.jcedar.classad.AttributeNames;
import org.jcedar.classad.ClassAd;

/**
 * One of the collector's tables of ads, named by the {@code MyType} of the ads it holds, with the rule that
 * makes an ad's key in it (the real collector's makeXxxAdHashKey, hashkey.cpp): an update replaces the ad with
 * the same key, an invalidation naming a key removes it. Types the collector does not know get a generic table
 * of their own, keyed by {@code Name}. Table names compare case-insensitively.
 */
public final class AdTable {
    /** How an ad is keyed in a table; empty when the ad lacks what the key needs (the update is ignored). */
    private interface KeyRule {
        Optional<String> key(ClassAd ad);
    }

    public static final AdTable MACHINE = new AdTable("Machine", AdTable::slotKey);
    /** A startd's daemon ad (HTCondor 24 and later), beside its slots' ads. */
    public static final AdTable STARTD = new AdTable("StartD", AdTable::slotKey);
    public static final AdTable SCHEDULER = new AdTable("Scheduler", AdTable::scheddKey);
    public static final AdTable MASTER = new AdTable("DaemonMaster", ad -> nameOrMachine(ad));
    public static final AdTable CKPT_SERVER = new AdTable("CkptServer", ad -> ad.getString("Machine"));
    public static final AdTable SUBMITTER = new AdTable("Submitter", AdTable::scheddKey);
    public static final AdTable COLLECTOR = new AdTable("Collector", ad -> nameOrMachine(ad));
    public static final AdTable LICENSE = new AdTable("License",
            ad -> validAddress(ad, "MyAddress", null) ? nameOrMachine(ad) : Optional.empty());
    public static final AdTable STORAGE = new AdTable("Storage", AdTable::name);
    public static final AdTable NEGOTIATOR = new AdTable("Negotiator", AdTable::name);
    public static final AdTable HAD = new AdTable("HAD", AdTable::name);
    public static final AdTable GRID = new AdTable("Grid", AdTable::gridKey);
    public static final AdTable ACCOUNTING = new AdTable("Accounting",
            ad -> name(ad).map(n -> n + ad.getString("NegotiatorName").orElse("")));

    private static final List<AdTable> KNOWN = List.of(MACHINE, STARTD, SCHEDULER, MASTER, CKPT_SERVER, SUBMITTER, COLLECTOR,
            LICENSE, STORAGE, NEGOTIATOR, HAD, GRID, ACCOUNTING);

    private final String name;
    private final KeyRule keyRule;

    private AdTable(String name, KeyRule keyRule) {
        this.name = name;
        this.keyRule = keyRule;
    }

    /** The table for ads of this {@code MyType}: a known one, else a generic table keyed by {@code Name}. */
    public static AdTable of(String myType) {
        for (AdTable table : KNOWN) {
            if (AttributeNames.equal(table.name, myType)) {
                return table;
            }
        }
        return new AdTable(myType, AdTable::name);
    }

    /** Whether the collector has a table of its own for this type (rather than a generic one). */
    public static boolean isKnown(String myType) {
        return KNOWN.stream().anyMatch(table -> AttributeNames.equal(table.name, myType));
    }

    /** The {@code MyType} of the ads in this table, e.g. {@code Scheduler}. */
    public String name() {
        return name;
    }

    /** The case-folded name under which the table is filed. */
    public String id() {
        return AttributeNames.fold(name);
    }

    /** The ad's key in this table; empty when the ad lacks what the key needs. */
    public Optional<String> keyOf(ClassAd ad) {
        return keyRule.key(ad);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AdTable t && t.id().equals(id());
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }

    @Override
    public String toString() {
        return name;
    }

    private static Optional<String> name(ClassAd ad) {
        return ad.getString("Name");
    }

    private static Optional<String> nameOrMachine(ClassAd ad) {
        return ad.getString("Name").or(() -> ad.getString("Machine"));
    }

    /** A slot: its Name, or its Machine with the slot number. */
    private static Optional<String> slotKey(ClassAd ad) {
        return name(ad).or(() -> ad.getString("Machine")
                .map(machine -> machine + ad.getInteger("SlotID").map(slot -> ":" + slot).orElse("")));
    }

    /** A schedd or submitter: its name (with the schedd's, for a submitter); only with a valid address. */
    private static Optional<String> scheddKey(ClassAd ad) {
        if (!validAddress(ad, "MyAddress", "ScheddIpAddr")) {
            return Optional.empty();
        }
        return nameOrMachine(ad).map(n -> n + ad.getString("ScheddName").orElse(""));
    }

    private static Optional<String> gridKey(ClassAd ad) {
        Optional<String> hash = ad.getString("HashName");
        Optional<String> owner = ad.getString("Owner");
        Optional<String> schedd = ad.getString("ScheddName").or(() -> ad.getString("ScheddIpAddr"));
        if (hash.isEmpty() || owner.isEmpty() || schedd.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(hash.get() + owner.get() + schedd.get()
                + ad.getString("GridmanagerSelectionValue").orElse(""));
    }

    private static boolean validAddress(ClassAd ad, String attribute, String fallback) {
        Optional<String> address = ad.getString(attribute);
        if (address.isEmpty() && fallback != null) {
            address = ad.getString(fallback);
        }
        if (address.isEmpty() || address.get().isEmpty()) {
            return false;
        }
        try {
            SinfulAddress.parse(address.get());
            return true;
        } catch (AddressException e) {
            return false;
        }
    }
}
