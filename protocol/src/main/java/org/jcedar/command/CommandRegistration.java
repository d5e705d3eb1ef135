package org.jcedar.command;

import java.util.List;
import org.jcedar.security.Permission;

/**
 * How a daemon registered one command (20 §13.2): its level, the alternate levels tried when the level is denied,
 * and whether it needs an authenticated, mapped identity.
 */
public record CommandRegistration(int number, String name, Permission level, List<Permission> alternates,
                                  boolean forceAuthentication) {

    public CommandRegistration {
        alternates = List.copyOf(alternates);
    }

    public static CommandRegistration of(int number, String name, Permission level) {
        return new CommandRegistration(number, name, level, List.of(), false);
    }
}
