package org.jcedar.command;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jcedar.classad.BinaryOperator;
import org.jcedar.classad.ClassAd;
import org.jcedar.classad.Expr;

/**
 * A collector query (10 §6.3): the QUERY_* command number and the query ad the client sends after it. Only the
 * queries a tool makes to find a daemon are built here; the ad's attribute order is the one HTCondor's tools
 * send ({@code MyType, Projection, TargetType, LimitResults, Requirements, LocationQuery}).
 *
 * @param command       the QUERY_* command, e.g. {@link CommandNumbers#QUERY_SCHEDD_ADS}
 * @param targetType    the ad type asked for, e.g. {@code Scheduler}
 * @param requirements  the filter; {@code true} when absent
 * @param projection    the attributes wanted (all when empty)
 * @param limitResults  at most this many ads, when present
 * @param locationQuery marks a locate, naming the daemon
 */
public record CollectorQuery(int command, String targetType, Optional<Expr> requirements, List<String> projection,
                             OptionalLong limitResults, Optional<String> locationQuery) {

    /** What every locate asks for (CondorQuery::setLocationLookup); schedds add their own addresses. */
    private static final List<String> LOCATION_ATTRIBUTES = List.of("CondorVersion", "CondorPlatform", "MyAddress",
            "AddressV1", "Name", "Machine", "_condor_PrivRemoteAdminCapability");

    public CollectorQuery {
        projection = List.copyOf(projection);
    }

    /**
     * The query a tool sends to locate a daemon by an attribute ({@code Name}, or {@code Machine} for startds
     * named by host): {@code Requirements = ((attribute == "value"))}, one result, the address attributes, and
     * {@code LocationQuery} naming the daemon.
     *
     * @param extraAttributes added to the projection, e.g. {@code ScheddIpAddr} and (HTCondor 25) {@code CredDIpAddr}
     */
    public static CollectorQuery locate(int command, String targetType, String attribute, String value,
                                        String daemonName, List<String> extraAttributes) {
        Expr equals = new Expr.Binary(BinaryOperator.EQUAL, Expr.reference(attribute), Expr.literal(value));
        List<String> projection = new java.util.ArrayList<>(LOCATION_ATTRIBUTES);
        projection.addAll(extraAttributes);
        return new CollectorQuery(command, targetType, Optional.of(new Expr.Parenthesized(new Expr.Parenthesized(equals))),
                projection, OptionalLong.of(1), Optional.of(daemonName));
    }

    /** The query ad, in the attribute order of HTCondor's tools. */
    public ClassAd toAd() {
        ClassAd.Builder ad = ClassAd.builder().set("MyType", "Query");
        if (!projection.isEmpty()) {
            ad.set("Projection", String.join(" ", projection));
        }
        ad.set("TargetType", targetType);
        limitResults.ifPresent(limit -> ad.set("LimitResults", limit));
        ad.set("Requirements", requirements.orElse(Expr.literal(true)));
        locationQuery.ifPresent(name -> ad.set("LocationQuery", name));
        return ad.build();
    }
}
