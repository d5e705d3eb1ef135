package org.jcedar.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.classad.ClassAd;
import org.jcedar.classad.Evaluator;
import org.jcedar.classad.Expr;

/**
 * The collector's ads (10 §6.4, §6.5): updates file an ad under its key in its table, replacing the previous one;
 * queries scan the tables; invalidations remove ads; an ad expires {@code ClassAdLifetime} (else
 * CLASSAD_LIFETIME) seconds after it was last heard from. Private attributes are kept apart and sent only to
 * those allowed to see them. Bounded in the number of ads; safe to share between connections: every operation
 * works on immutable records in concurrent maps, without a lock that would make connections wait for each other.
 */
public final class CollectorAds {
    /** CLASSAD_LIFETIME's default. */
    public static final long DEFAULT_LIFETIME_SECONDS = 900;
    /** Expired ads are swept at most this often; until then queries just skip them. */
    private static final long SWEEP_INTERVAL_SECONDS = 60;

    /**
     * @param defaultLifetimeSeconds how long an ad without {@code ClassAdLifetime} stays (CLASSAD_LIFETIME)
     * @param maxAds                 ads kept at most: an update that would add one more is refused
     */
    public record Settings(long defaultLifetimeSeconds, int maxAds) {
    }

    /** Who sent an update: the session's identity and, when it authenticated, the method. */
    public record Origin(String identity, Optional<String> method) {
    }

    /** What became of an update: stored (new or replacing), or refused and why. */
    public record UpdateResult(boolean stored, String description) {
    }

    /** An ad a query returns, with the attributes to send of it (empty: all). */
    public record Match(ClassAd ad, Optional<Collection<String>> projection) {
    }

    /** An ad as filed: what anyone may see, the same with the private attributes, and when it expires. */
    private record Entry(ClassAd publicAd, ClassAd fullAd, Instant expires) {
    }

    private final Settings settings;
    private final Map<String, Map<String, Entry>> tables = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong lastSweep = new AtomicLong(Long.MIN_VALUE);

    public CollectorAds(Settings settings) {
        this.settings = settings;
    }

    /**
     * Files an ad (and, for a startd, its private ad) as HTCondor's collector does: {@code AuthenticatedIdentity}
     * and {@code AuthenticationMethod} from the session replace whatever the sender wrote, {@code LastHeardFrom}
     * is added unless present.
     */
    public UpdateResult update(AdTable table, ClassAd ad, Optional<ClassAd> privateAd, Origin origin, Instant now) {
        sweep(now);
        Optional<String> key = table.keyOf(ad);
        if (key.isEmpty()) {
            return new UpdateResult(false, "malformed " + table + " ad: it lacks the attributes of its key");
        }
        ClassAd.Builder stamped = ad.toBuilder().remove("AuthenticatedIdentity").remove("AuthenticationMethod");
        stamped.set("AuthenticatedIdentity", origin.identity());
        origin.method().ifPresent(method -> stamped.set("AuthenticationMethod", method));
        if (!stamped.contains("LastHeardFrom")) {
            stamped.set("LastHeardFrom", now.getEpochSecond());
        }
        ClassAd publicAd = stamped.build();
        privateAd.ifPresent(extra -> extra.entries().forEach(e -> stamped.set(e.getKey(), e.getValue())));
        ClassAd fullAd = stamped.build();
        Entry entry = new Entry(publicPart(publicAd), fullAd, expiry(publicAd));

        boolean[] refused = {false};
        boolean[] replaced = {false};
        tableOf(table).compute(key.get(), (k, old) -> {
            replaced[0] = old != null;
            if (old == null && count.incrementAndGet() > settings.maxAds()) {
                count.decrementAndGet();
                refused[0] = true;
                return null;
            }
            return entry;
        });
        if (refused[0]) {
            return new UpdateResult(false, "refused: the collector holds its maximum of " + settings.maxAds() + " ads");
        }
        return new UpdateResult(true, (replaced[0] ? "replaced " : "stored new ") + table + " ad \"" + key.get() + "\"");
    }

    /** Files one of the daemon's own ads, which never expires. */
    public void publish(AdTable table, ClassAd ad) {
        Optional<String> key = table.keyOf(ad);
        if (key.isEmpty()) {
            throw new IllegalArgumentException("the daemon's own " + table + " ad lacks the attributes of its key");
        }
        if (tableOf(table).put(key.get(), new Entry(publicPart(ad), ad, Instant.MAX)) == null) {
            count.incrementAndGet();
        }
    }

    /**
     * The ads a query returns, scan by scan, at most each scan's limit in all.
     *
     * @param includePrivate send the private attributes too (the daemon decided the peer may see them)
     */
    public List<Match> query(CollectorSearch query, ClassAd queryAd, boolean includePrivate, Instant now) {
        List<Match> matches = new ArrayList<>();
        for (CollectorSearch.Scan scan : query.scans()) {
            for (Map<String, Entry> table : tablesOf(scan.table())) {
                for (Entry entry : table.values()) {
                    if (matches.size() >= scan.limit()) {
                        break;
                    }
                    if (!entry.expires().isBefore(now) && scan.matches(entry.publicAd())) {
                        matches.add(new Match(includePrivate ? entry.fullAd() : entry.publicAd(),
                                scan.projectionFor(queryAd, entry.publicAd())));
                    }
                }
            }
        }
        return matches;
    }

    /**
     * Removes the ads an invalidation names: the one whose key the query ad carries when it has one (a daemon
     * invalidating its own ad), else every ad its {@code Requirements} match. HTCondor's collector evaluates them
     * as a query's, with the stored ad as MY and no target (its housekeeping path, HOUSEKEEPING_ON_INVALIDATE,
     * the default); with {@code queryIsMy} as a match with the query ad as MY and the stored ad as TARGET (its
     * path when that knob is false). Returns how many went.
     */
    public int invalidate(AdTable table, ClassAd queryAd, boolean queryIsMy) {
        Map<String, Entry> ads = tables.get(table.id());
        if (ads == null) {
            return 0;
        }
        Optional<String> key = table.keyOf(queryAd);
        if (key.isPresent()) {
            return removed(ads.remove(key.get()) != null ? 1 : 0);
        }
        Optional<Expr> requirements = queryAd.lookup("Requirements");
        if (requirements.isEmpty()) {
            return 0;
        }
        int removed = 0;
        for (Map.Entry<String, Entry> e : ads.entrySet()) {
            ClassAd stored = e.getValue().publicAd();
            boolean matches = queryIsMy ? Evaluator.matches(requirements.get(), queryAd, stored)
                    : Evaluator.matches(requirements.get(), stored, null);
            if (matches && ads.remove(e.getKey(), e.getValue())) {
                removed++;
            }
        }
        return removed(removed);
    }

    /** The number of ads held, expired ones not yet swept included. */
    public int size() {
        return count.get();
    }

    private Map<String, Entry> tableOf(AdTable table) {
        return tables.computeIfAbsent(table.id(), id -> new ConcurrentHashMap<>());
    }

    private int removed(int n) {
        count.addAndGet(-n);
        return n;
    }

    private Collection<Map<String, Entry>> tablesOf(Optional<AdTable> table) {
        if (table.isEmpty()) {
            return tables.values();
        }
        Map<String, Entry> ads = tables.get(table.get().id());
        return ads == null ? List.of() : List.of(ads);
    }

    /** The housekeeping of the real collector: drop what has expired, at most once a minute. */
    private void sweep(Instant now) {
        long last = lastSweep.get();
        long second = now.getEpochSecond();
        if (second - last < SWEEP_INTERVAL_SECONDS || !lastSweep.compareAndSet(last, second)) {
            return;
        }
        for (Map<String, Entry> ads : tables.values()) {
            for (Map.Entry<String, Entry> e : ads.entrySet()) {
                if (e.getValue().expires().isBefore(now) && ads.remove(e.getKey(), e.getValue())) {
                    count.decrementAndGet();
                }
            }
        }
    }

    /** LastHeardFrom + lifetime, both as the sender wrote them, kept within what Instant can hold. */
    private Instant expiry(ClassAd ad) {
        long lastHeard = clamp(ad.getInteger("LastHeardFrom").orElse(0L));
        long lifetime = clamp(ad.getInteger("ClassAdLifetime").orElse(settings.defaultLifetimeSeconds()));
        return Instant.ofEpochSecond(lastHeard + lifetime);
    }

    /** Seconds within a thousand years either way of the epoch: far beyond any real ad, safe to add. */
    private static long clamp(long seconds) {
        long bound = 1000L * 366 * 86400;
        return Math.max(-bound, Math.min(bound, seconds));
    }

    private static ClassAd publicPart(ClassAd ad) {
        ClassAd.Builder builder = ClassAd.builder();
        for (Map.Entry<String, Expr> e : ad.entries()) {
            if (!ClassAdWire.isPrivate(e.getKey())) {
                builder.set(e.getKey(), e.getValue());
            }
        }
        return builder.build();
    }
}
