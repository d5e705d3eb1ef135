package org.jcedar.security;

import java.net.InetAddress;
import java.util.Optional;
import org.jcedar.command.CommandRegistration;
import org.jcedar.security.authz.Authorizer;

/**
 * Whether a session may run a command (DaemonCommandProtocol::VerifyCommand, 20 §13.7, 30 §4.9): the session's
 * limits first (a token's scopes, a CLAIMTOBE session's level), then ALLOW/DENY for the command's level and its
 * alternate levels. Used for the first command of a connection and for later commands on a kept connection.
 */
public final class CommandAuthorization {
    private final Authorizer authorizer;

    public CommandAuthorization(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    /** Empty when authorized, else why not (for the log). */
    public Optional<String> denial(CommandRegistration command, ServerSession session, InetAddress peer) {
        if (command.forceAuthentication() && !session.identity().isMapped()) {
            return Optional.of("command " + command.name() + " needs an authenticated identity");
        }
        if (session.limits().isPresent() && !session.limits().get().permits(command.level(), command.alternates())) {
            return Optional.of("the session's authorization is limited to " + session.limits().get().wireValue()
                    + ", which does not include " + command.name());
        }
        String who = session.identity().fullyQualifiedUser();
        if (authorizer.isAuthorized(command.level(), who, peer)) {
            return Optional.empty();
        }
        for (Permission alternate : command.alternates()) {
            if (authorizer.isAuthorized(alternate, who, peer)) {
                return Optional.empty();
            }
        }
        return Optional.of(who + " from " + peer.getHostAddress() + " is not authorized at " + command.level()
                + " for " + command.name());
    }
}
