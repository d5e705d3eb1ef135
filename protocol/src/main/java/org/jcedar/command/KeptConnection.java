package org.jcedar.command;

import java.net.InetAddress;
import java.util.Optional;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.MessageReader;
import org.jcedar.security.CommandAuthorization;
import org.jcedar.security.ServerSession;

/**
 * A connection the server keeps after a command for more commands on the same session, as the collector keeps a
 * daemon's update connection (10 §6.5): each later command is the raw command int followed by its payload in
 * the same message, with no new DC_AUTHENTICATE; the session's identity, limits and AES state carry over, and
 * each command is authorized on its own.
 */
public final class KeptConnection {
    private final CommandTable commands;
    private final CommandAuthorization authorization;
    private final ServerSession session;
    private final InetAddress peer;

    public KeptConnection(CommandTable commands, CommandAuthorization authorization, ServerSession session,
                          InetAddress peer) {
        this.commands = commands;
        this.authorization = authorization;
        this.session = session;
        this.peer = peer;
    }

    /** The next command and the rest of its message, where its payload starts. */
    public record Next(ServerSession.Command command, MessageReader payload) {
    }

    /**
     * Reads the command int at the start of {@code message} and authorizes it.
     *
     * @throws CommandRefusal for a new negotiation (which a kept connection does not take), an unknown command
     *                        or one the session may not run: the server closes the connection
     */
    public Next next(byte[] message, boolean encrypted) throws CedarException, CommandRefusal {
        MessageReader in = new MessageReader(message, encrypted);
        int number = in.getInt();
        if (number == CommandNumbers.DC_AUTHENTICATE) {
            throw new CommandRefusal("a new DC_AUTHENTICATE on a kept connection");
        }
        Optional<CommandRegistration> registration = commands.lookup(number);
        if (registration.isEmpty()) {
            throw new CommandRefusal("unknown command " + number + " on a kept connection");
        }
        Optional<String> denial = authorization.denial(registration.get(), session, peer);
        if (denial.isPresent()) {
            throw new CommandRefusal(denial.get());
        }
        return new Next(new ServerSession.Command(registration.get(), number, session, encrypted), in);
    }
}
