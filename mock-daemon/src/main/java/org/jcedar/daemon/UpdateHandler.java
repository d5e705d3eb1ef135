package org.jcedar.daemon;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageReader;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.classad.ClassAd;
import org.jcedar.command.AdTable;
import org.jcedar.command.CollectorAds;
import org.jcedar.command.CollectorCommand;
import org.jcedar.security.AuthMethod;
import org.jcedar.security.ServerSession;

/**
 * UPDATE_*_AD from a daemon (10 §6.5): the ad (and a startd's private ad) is filed, nothing is answered (but the
 * int 1 for UPDATE_STARTD_AD_WITH_ACK), and the connection is kept for the daemon's next updates. An ad the
 * collector cannot key is dropped and the connection closed, as the real collector does.
 */
final class UpdateHandler implements CommandHandler {
    private final CollectorCommand command;
    private final CollectorAds ads;
    private final Clock clock;

    UpdateHandler(CollectorCommand command, CollectorAds ads, Clock clock) {
        this.command = command;
        this.ads = ads;
        this.clock = clock;
    }

    @Override
    public Reply receive(ServerSession.Command cmd, MessageReader message) throws CedarException {
        ClassAd ad = ClassAdWire.read(message);
        Optional<ClassAd> privateAd = command.carriesPrivateAd() ? Optional.of(ClassAdWire.read(message))
                : Optional.empty();
        message.expectEnd();
        Optional<AdTable> table = command.tableFor(ad);
        if (table.isEmpty()) {
            return Reply.finish(List.of(), "refused: the ad of " + command + " has no MyType");
        }
        ServerSession session = cmd.session();
        CollectorAds.UpdateResult result = ads.update(table.get(), ad, privateAd,
                new CollectorAds.Origin(session.identity().fullyQualifiedUser(),
                        session.method().map(AuthMethod::reportedName)), clock.instant());
        if (!result.stored()) {
            return Reply.finish(List.of(), result.description());
        }
        List<byte[]> send = command == CollectorCommand.UPDATE_STARTD_AD_WITH_ACK
                ? List.of(new MessageWriter(cmd.encrypted()).putInt(1).toByteArray()) : List.of();
        return Reply.keep(send, result.description());
    }
}
