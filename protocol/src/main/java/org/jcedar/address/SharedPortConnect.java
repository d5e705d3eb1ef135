package org.jcedar.address;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.MessageReader;
import org.jcedar.cedar.MessageWriter;

/**
 * The SHARED_PORT_CONNECT message (command 75, 10 §5): the first message on a connection to a shared port
 * daemon, always in plaintext, naming the daemon that should receive the connection. There is no reply.
 *
 * @param sharedPortId    the target's {@code sock} id; {@code self} addresses the shared port daemon itself
 * @param clientName      for the server's logs: subsystem, and for daemons a space and their own sinful
 * @param deadlineSeconds seconds the server may spend handing over the connection, -1 for none
 * @param extraArguments  further strings, ignored by today's servers (0..100 of at most 511 bytes)
 */
public record SharedPortConnect(String sharedPortId, String clientName, int deadlineSeconds,
                                List<String> extraArguments) {
    public static final int COMMAND = 75;
    /** The shared port server reads the id and the name into 1024-byte buffers, NUL included. */
    public static final int MAX_STRING_BYTES = 1023;
    public static final int MAX_EXTRA_ARGUMENTS = 100;
    public static final int MAX_EXTRA_ARGUMENT_BYTES = 511;
    /** The id that keeps the connection in the shared port daemon. */
    public static final String SELF = "self";

    public SharedPortConnect {
        extraArguments = List.copyOf(extraArguments);
    }

    public SharedPortConnect(String sharedPortId, String clientName, int deadlineSeconds) {
        this(sharedPortId, clientName, deadlineSeconds, List.of());
    }

    /**
     * Whether both sides start the handshake digests afresh after this message (10 §5): the daemon that finally
     * gets the connection never saw it, unless it is the shared port daemon itself.
     */
    public boolean restartsHandshakeDigests() {
        return !sharedPortId.equals(SELF);
    }

    /** The message payload (plaintext encoding); fields beyond the server's limits are a programming error. */
    public byte[] encode() {
        if (utf8Length(sharedPortId) > MAX_STRING_BYTES || utf8Length(clientName) > MAX_STRING_BYTES
                || extraArguments.size() > MAX_EXTRA_ARGUMENTS
                || extraArguments.stream().anyMatch(a -> utf8Length(a) > MAX_EXTRA_ARGUMENT_BYTES)) {
            throw new IllegalArgumentException("SHARED_PORT_CONNECT field beyond the server's limits");
        }
        MessageWriter writer = new MessageWriter(false).putInt(COMMAND).putString(sharedPortId).putString(clientName)
                .putInt(deadlineSeconds).putInt(extraArguments.size());
        extraArguments.forEach(writer::putString);
        return writer.toByteArray();
    }

    /** Reads the message as the shared port server does, including its limits. */
    public static SharedPortConnect decode(byte[] payload) throws CedarException {
        MessageReader reader = new MessageReader(payload, false);
        int command = reader.getInt();
        if (command != COMMAND) {
            throw new CedarException("command " + command + " is not SHARED_PORT_CONNECT", 0);
        }
        String id = limited(reader, MAX_STRING_BYTES, "shared port id");
        String name = limited(reader, MAX_STRING_BYTES, "client name");
        int deadline = reader.getInt();
        int start = reader.position();
        int count = reader.getInt();
        if (count < 0 || count > MAX_EXTRA_ARGUMENTS) {
            throw new CedarException("extra argument count " + count + " outside 0.." + MAX_EXTRA_ARGUMENTS, start);
        }
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            extra.add(limited(reader, MAX_EXTRA_ARGUMENT_BYTES, "extra argument"));
        }
        reader.expectEnd();
        return new SharedPortConnect(id, name, deadline, extra);
    }

    private static String limited(MessageReader reader, int maxBytes, String what) throws CedarException {
        int start = reader.position();
        String value = reader.getString();
        if (reader.position() - start - 1 > maxBytes) { // wire bytes without the NUL
            throw new CedarException(what + " longer than " + maxBytes + " bytes", start);
        }
        return value;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
