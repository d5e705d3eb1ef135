package org.jcedar.daemon;

import java.util.List;
import org.jcedar.cedar.MessageReader;
import org.jcedar.command.SecQueryReply;
import org.jcedar.security.ServerSession;

/** DC_SEC_QUERY (condor_ping): the command named in AuthCommand would be authorized; say so and close. */
final class SecQueryHandler implements CommandHandler {

    @Override
    public Reply start(ServerSession.Command command, MessageReader rawPayload) {
        return Reply.finish(List.of(SecQueryReply.encode(command.session(), command.encrypted())),
                "AUTHORIZED (DC_SEC_QUERY for " + command.registration().name() + ")");
    }

    @Override
    public Reply receive(ServerSession.Command command, MessageReader message) {
        return Reply.finish(List.of(), "unexpected message");
    }
}
