package org.jcedar.command;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jcedar.classad.ClassAd;
import org.jcedar.config.ConfigLiterals;
import org.jcedar.classad.Evaluator;
import org.jcedar.classad.Expr;
import org.jcedar.classad.Value;

/**
 * A QUERY_*_ADS request as the collector reads it (10 §6.2, §6.3; the client builds it with {@link CollectorQuery}):
 * which tables to scan, the filter, the
 * projection and the result limit of each, and whether private attributes are asked for. QUERY_MULTIPLE_ADS names
 * several tables in {@code TargetType} and may give each its own {@code <Type>Requirements},
 * {@code <Type>Projection} and {@code <Type>LimitResults}; QUERY_GENERIC_ADS names one; QUERY_ANY_ADS scans them
 * all.
 *
 * @param scans        what to scan, in order; the limit counts the ads of all scans together
 * @param wantsPrivate {@code SendPrivateAttributes = true}: granted only to peers the daemon trusts with them
 * @param locate       a location query ({@code LocationQuery} present)
 */
public record CollectorSearch(List<Scan> scans, boolean wantsPrivate, boolean locate) {

    /**
     * One table (or every table) with its filter, projection and limit.
     *
     * @param table        empty: every table
     * @param requirements empty: every ad matches
     * @param projection   the attribute list (a string) or an expression evaluated per ad to such a string;
     *                     empty: whole ads
     * @param limit        at most this many ads (of this scan and those before it)
     */
    public record Scan(Optional<AdTable> table, Optional<Expr> requirements, Optional<Expr> projection, int limit) {

        /** Whether a stored ad passes the filter: the ad is MY, there is no target (10 §3.3). */
        public boolean matches(ClassAd stored) {
            return requirements.isEmpty() || Evaluator.matches(requirements.get(), stored, null);
        }

        /** The attributes to send of {@code stored}; empty: all of them. */
        public Optional<Collection<String>> projectionFor(ClassAd query, ClassAd stored) {
            if (projection.isEmpty()) {
                return Optional.empty();
            }
            Value value = Evaluator.evaluate(projection.get(), query, stored);
            if (!(value instanceof Value.StringValue text)) {
                return Optional.empty();
            }
            List<String> names = ConfigLiterals.listItems(text.value());
            return names.isEmpty() ? Optional.empty() : Optional.of(names);
        }
    }

    public CollectorSearch {
        scans = List.copyOf(scans);
    }

    /**
     * Reads a query ad sent with {@code command}.
     *
     * @throws CommandRefusal where the real collector drops the query (no TargetType for a generic or multiple
     *                        query, a multiple query whose first type is no known table)
     */
    public static CollectorSearch parse(CollectorCommand command, ClassAd query) throws CommandRefusal {
        if (command.kind() != CollectorCommand.Kind.QUERY) {
            throw new IllegalArgumentException(command + " is not a query");
        }
        boolean wantsPrivate = query.getBoolean("SendPrivateAttributes").orElse(false);
        boolean locate = query.contains("LocationQuery");
        int limit = limit(query, "LimitResults").orElse(Integer.MAX_VALUE);
        Optional<Expr> requirements = query.lookup("Requirements");
        Optional<Expr> projection = projection(query, "Projection");
        Optional<String> targetType = query.getString("TargetType");
        List<Scan> scans = new ArrayList<>();
        switch (command) {
            case QUERY_ANY_ADS:
                scans.add(new Scan(Optional.empty(), requirements, projection, limit));
                break;
            case QUERY_GENERIC_ADS:
                if (targetType.isEmpty() || targetType.get().isEmpty()) {
                    throw new CommandRefusal("QUERY_GENERIC_ADS without a TargetType");
                }
                scans.add(new Scan(Optional.of(AdTable.of(targetType.get())), requirements, projection, limit));
                break;
            case QUERY_MULTIPLE_ADS:
            case QUERY_MULTIPLE_PVT_ADS:
                List<String> types = ConfigLiterals.listItems(targetType.orElse(""));
                if (types.isEmpty()) {
                    throw new CommandRefusal(command + " without a TargetType");
                }
                if (!AdTable.isKnown(types.get(0))) {
                    throw new CommandRefusal(command + " with an invalid TargetType \"" + targetType.get() + "\"");
                }
                for (String type : types) {
                    scans.add(new Scan(Optional.of(AdTable.of(type)),
                            query.lookup(type + "Requirements").or(() -> requirements),
                            projection(query, type + "Projection").or(() -> projection),
                            Math.min(limit, limit(query, type + "LimitResults").orElse(Integer.MAX_VALUE))));
                }
                break;
            case QUERY_STARTD_ADS:
                // The startd's daemon ads (TargetType "StartD") have a table of their own; a locate looks there
                // first, then among the slots.
                boolean daemonAds = targetType.map(AdTable::of).map(AdTable.STARTD::equals).orElse(false);
                if (locate || daemonAds) {
                    scans.add(new Scan(Optional.of(AdTable.STARTD), requirements, projection, limit));
                }
                if (!daemonAds) {
                    scans.add(new Scan(Optional.of(AdTable.MACHINE), requirements, projection, limit));
                }
                break;
            default:
                scans.add(new Scan(command.table(), requirements, projection, limit));
        }
        return new CollectorSearch(scans, wantsPrivate, locate);
    }

    /** A projection attribute: a non-empty string literal is the list itself; any other expression is kept. */
    private static Optional<Expr> projection(ClassAd query, String attribute) {
        Optional<Expr> expr = query.lookup(attribute);
        if (expr.isPresent() && query.getString(attribute).map(String::isEmpty).orElse(false)) {
            return Optional.empty();
        }
        return expr;
    }

    private static Optional<Integer> limit(ClassAd query, String attribute) {
        return query.getInteger(attribute).filter(n -> n > 0).map(n -> (int) Math.min(n, Integer.MAX_VALUE));
    }
}
