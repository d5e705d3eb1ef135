package org.jcedar.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.jcedar.client.Trace;

/**
 * A tool's {@code -debug} output: one line per event on stderr, stamped like HTCondor's tool debug output
 * ({@code 11/28/26 00:54:45 ...}). The outcome of each step is always shown; details follow the debug flags of
 * {@code -debug:FLAGS} or TOOL_DEBUG (D_HOSTNAME, D_SECURITY, D_NETWORK, D_COMMAND; D_FULLDEBUG and D_ALL show all).
 */
final class DebugTrace implements Trace {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MM/dd/yy HH:mm:ss", Locale.ROOT);

    private final PrintStream err;
    private final Clock clock;
    private final Set<Category> enabled;

    DebugTrace(PrintStream err, Clock clock, String flags) {
        this.err = err;
        this.clock = clock;
        this.enabled = categories(flags);
    }

    /** The categories HTCondor debug flags select, e.g. {@code D_SECURITY D_NETWORK} or {@code D_ALL}. */
    static Set<Category> categories(String flags) {
        Set<Category> categories = EnumSet.of(Category.ALWAYS);
        for (String flag : flags.toUpperCase(Locale.ROOT).split("[\\s,|]+")) {
            String name = flag.replaceFirst(":\\d+$", "");
            switch (name) {
                case "D_ALL", "D_FULLDEBUG" -> categories.addAll(EnumSet.allOf(Category.class));
                case "D_HOSTNAME" -> categories.add(Category.HOSTNAME);
                case "D_SECURITY" -> categories.add(Category.SECURITY);
                case "D_NETWORK" -> categories.add(Category.NETWORK);
                case "D_COMMAND" -> categories.add(Category.COMMAND);
                default -> {
                    // Other HTCondor flags name subsystems jcedar does not have.
                }
            }
        }
        return categories;
    }

    @Override
    public boolean enabled(Category category) {
        return enabled.contains(category);
    }

    @Override
    public void log(Category category, String message) {
        if (enabled(category)) {
            err.print(LocalDateTime.now(clock.withZone(java.time.ZoneId.systemDefault())).format(STAMP) + " " + message + "\n");
            err.flush();
        }
    }
}
