package org.jcedar.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcedar.security.Permission;

/** A daemon's registered commands, in registration order. */
public final class CommandTable {
    private final Map<Integer, CommandRegistration> byNumber = new LinkedHashMap<>();

    public CommandTable register(CommandRegistration registration) {
        byNumber.put(registration.number(), registration);
        return this;
    }

    public Optional<CommandRegistration> lookup(int number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    /**
     * The {@code ValidCommands} of a session authorized at {@code level} (20 §13.8): the commands registered at
     * that level and at each level it implies, plus those with one of those levels as an alternate, grouped by
     * level in that order and by registration order within a group; commands that force authentication are left
     * out for an unmapped identity.
     */
    public String validCommands(Permission level, boolean mappedIdentity) {
        List<Permission> levels = new ArrayList<>();
        collect(level, levels);
        List<String> out = new ArrayList<>();
        for (Permission group : levels) {
            for (CommandRegistration r : byNumber.values()) {
                boolean inGroup = r.level() == group || (r.level() != group && r.alternates().contains(group)
                        && !levels.contains(r.level()));
                if (inGroup && (mappedIdentity || !r.forceAuthentication()) && !out.contains(Integer.toString(r.number()))) {
                    out.add(Integer.toString(r.number()));
                }
            }
        }
        return String.join(",", out);
    }

    private static void collect(Permission level, List<Permission> out) {
        if (!out.contains(level)) {
            out.add(level);
            for (Permission implied : level.directlyImplies()) {
                collect(implied, out);
            }
        }
    }
}
