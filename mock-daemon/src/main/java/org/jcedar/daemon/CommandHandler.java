package org.jcedar.daemon;

import java.util.List;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.MessageReader;
import org.jcedar.security.ServerSession;

/**
 * Runs one authorized command on its connection. {@link #start} is called once the security handshake is over;
 * {@link #receive} with each further message of the command. Both return what to send and whether to close.
 */
interface CommandHandler {

    /** What a command step asks the connection to do. */
    record Reply(List<byte[]> send, boolean close, String result) {
        static Reply wait(List<byte[]> send) {
            return new Reply(send, false, null);
        }

        static Reply finish(List<byte[]> send, String result) {
            return new Reply(send, true, result);
        }
    }

    /**
     * @param rawPayload for a raw (unnegotiated) command, the rest of its first message; else null
     */
    Reply start(ServerSession.Command command, MessageReader rawPayload) throws CedarException;

    Reply receive(ServerSession.Command command, MessageReader message) throws CedarException;
}
