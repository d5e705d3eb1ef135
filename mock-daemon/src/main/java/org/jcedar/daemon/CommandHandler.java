package org.jcedar.daemon;

import java.util.List;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.MessageReader;
import org.jcedar.security.ServerSession;

/**
 * Runs one authorized command on its connection. {@link #start} is called once the security handshake is over;
 * {@link #receive} with each further message of the command. Both return what to send and what then becomes of
 * the connection.
 */
interface CommandHandler {

    /** What the connection does after a command step. */
    enum Next {
        /** wait for the command's next message */
        WAIT,
        /** the command is done: close */
        CLOSE,
        /** the command is done: keep the connection for further raw commands on the same session (10 §6.5) */
        KEEP
    }

    /** What a command step asks the connection to do; {@code result} is logged when the command is done. */
    record Reply(List<byte[]> send, Next next, String result) {
        static Reply wait(List<byte[]> send) {
            return new Reply(send, Next.WAIT, null);
        }

        static Reply finish(List<byte[]> send, String result) {
            return new Reply(send, Next.CLOSE, result);
        }

        static Reply keep(List<byte[]> send, String result) {
            return new Reply(send, Next.KEEP, result);
        }
    }

    /**
     * The step right after authorization. By default the command's payload is its next message, or, for a raw
     * command (sent without negotiation, or on a kept connection), the rest of its first message.
     *
     * @param rawPayload for a raw command, the rest of its first message; else null
     */
    default Reply start(ServerSession.Command command, MessageReader rawPayload) throws CedarException {
        return rawPayload == null ? Reply.wait(List.of()) : receive(command, rawPayload);
    }

    Reply receive(ServerSession.Command command, MessageReader message) throws CedarException;
}
