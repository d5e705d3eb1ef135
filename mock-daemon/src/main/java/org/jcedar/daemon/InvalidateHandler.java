package org.jcedar.daemon;

import java.util.List;
import java.util.Optional;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageReader;
import org.jcedar.classad.ClassAd;
import org.jcedar.command.AdTable;
import org.jcedar.command.CollectorAds;
import org.jcedar.command.CollectorCommand;
import org.jcedar.security.ServerSession;

/**
 * INVALIDATE_*_ADS (10 §6.5): a query-style ad names the ads to remove; nothing is answered and the connection is
 * kept, as after an update. The generic form names its table in {@code TargetType}.
 */
final class InvalidateHandler implements CommandHandler {
    private final CollectorCommand command;
    private final CollectorAds ads;
    private final boolean queryIsMy;

    /** @param queryIsMy HOUSEKEEPING_ON_INVALIDATE is false: match with the query ad as MY (CollectorAds#invalidate) */
    InvalidateHandler(CollectorCommand command, CollectorAds ads, boolean queryIsMy) {
        this.command = command;
        this.ads = ads;
        this.queryIsMy = queryIsMy;
    }

    @Override
    public Reply receive(ServerSession.Command cmd, MessageReader message) throws CedarException {
        ClassAd query = ClassAdWire.read(message);
        message.expectEnd();
        Optional<AdTable> table = command.tableFor(query);
        if (table.isEmpty()) {
            return Reply.keep(List.of(), "ignored: no TargetType names the ads to invalidate");
        }
        int removed = ads.invalidate(table.get(), query, queryIsMy);
        return Reply.keep(List.of(), "invalidated " + removed + " " + table.get() + " ad" + (removed == 1 ? "" : "s"));
    }
}
