package org.jcedar.daemon;

import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageReader;
import org.jcedar.classad.ClassAd;
import org.jcedar.command.CollectorAds;
import org.jcedar.command.CollectorCommand;
import org.jcedar.command.CollectorSearch;
import org.jcedar.command.CollectorQueryReply;
import org.jcedar.command.CommandRefusal;
import org.jcedar.security.ServerSession;

/**
 * QUERY_*_ADS (condor_status, and the location queries of every tool that finds a daemon by name): the matching
 * ads in one message, then the connection is closed. A query the collector cannot make sense of gets no answer.
 * Private attributes go only to those who ask for them and are authorized at NEGOTIATOR or ADMINISTRATOR level.
 */
final class QueryHandler implements CommandHandler {
    private final CollectorCommand command;
    private final CollectorAds ads;
    private final Predicate<ServerSession> trustedWithPrivateAttributes;
    private final Clock clock;

    QueryHandler(CollectorCommand command, CollectorAds ads, Predicate<ServerSession> trustedWithPrivateAttributes,
                 Clock clock) {
        this.command = command;
        this.ads = ads;
        this.trustedWithPrivateAttributes = trustedWithPrivateAttributes;
        this.clock = clock;
    }

    @Override
    public Reply receive(ServerSession.Command cmd, MessageReader message) throws CedarException {
        ClassAd queryAd = ClassAdWire.read(message);
        message.expectEnd();
        CollectorSearch query;
        try {
            query = CollectorSearch.parse(command, queryAd);
        } catch (CommandRefusal e) {
            return Reply.finish(List.of(), "refused: " + e.getMessage());
        }
        // Private attributes never travel in clear: HTCondor would need a legacy cipher to hide them (10 §3.1).
        boolean includePrivate = cmd.encrypted() && (command.privateQuery()
                || (query.wantsPrivate() && trustedWithPrivateAttributes.test(cmd.session())));
        List<CollectorAds.Match> matches = ads.query(query, queryAd, includePrivate, clock.instant());
        return Reply.finish(List.of(CollectorQueryReply.encode(matches, cmd.encrypted())),
                matches.size() + " ad" + (matches.size() == 1 ? "" : "s") + " sent"
                        + queryAd.getString("TargetType").map(t -> " (TargetType " + t + ")").orElse(""));
    }
}
