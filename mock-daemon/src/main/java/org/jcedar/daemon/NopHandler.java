package org.jcedar.daemon;

import java.util.List;
import org.jcedar.cedar.MessageReader;
import org.jcedar.security.ServerSession;

/**
 * DC_NOP and its level variants, and DC_AUTHENTICATE used as a command: nothing follows the post-auth ad; the
 * authorization result was the whole answer (20 §11.2, §11.5).
 */
final class NopHandler implements CommandHandler {

    @Override
    public Reply start(ServerSession.Command command, MessageReader rawPayload) {
        return Reply.finish(List.of(), "AUTHORIZED");
    }

    @Override
    public Reply receive(ServerSession.Command command, MessageReader message) {
        return Reply.finish(List.of(), "AUTHORIZED");
    }
}
