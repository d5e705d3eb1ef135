package org.jcedar.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jcedar.client.DaemonType;

/**
 * condor_token_fetch's command line, read as HTCondor 23.9 and 25.x read it: options in order, each matched by
 * prefix (at least its first letter, {@code -to} for {@code -token}), a value option takes the next argument
 * whatever it looks like, and the first problem ends the parse with HTCondor's message and exit status 1.
 *
 * @param debugFlags empty without {@code -debug}; with it, the flags after {@code -debug:} (may be empty)
 */
record TokenFetchOptions(List<String> authorizations, long lifetime, Optional<String> pool, Optional<String> name,
                         DaemonType type, TokenOutput.Destination destination, Optional<String> key, boolean remote,
                         Optional<String> debugFlags) {

    static final String NAME = "condor_token_fetch";
    static final String USAGE = "Usage: " + NAME + " [-type TYPE] [-name NAME] [-remote] [-pool POOL]"
            + " [-authz AUTHZ] [-lifetime VAL] [-token NAME | -file NAME]\n"
            + "\n"
            + "Generates a token from a remote daemon and prints its contents to stdout.\n"
            + "\n"
            + "Token options:\n"
            + "    -authz    <authz>                Whitelist one or more authorization\n"
            + "    -lifetime <val>                  Max token lifetime, in seconds\n"
            + "    -key      <key>                  Request an alternate signing key\n"
            + "Specifying target options:\n"
            + "    -pool    <host>                  Query this collector\n"
            + "    -remote                          Have collector fetch token remotely\n"
            + "    -name    <name>                  Find a daemon with this name\n"
            + "    -type    <subsystem>             Type of daemon to contact (default: SCHEDD)\n"
            + "\n"
            + "Other options:\n"
            + "    -token    <NAME>                 Name of token file in tokens.d\n"
            + "    -file     <NAME>                 Token filename\n";

    /** No lifetime given: the token gets none (HTCondor's -1). */
    static final long NO_LIFETIME = -1;

    /** Either the options or the exit status the tool ends with after printing its message. */
    sealed interface Parse permits Parsed, Exit {
    }

    record Parsed(TokenFetchOptions options) implements Parse {
    }

    record Exit(int status) implements Parse {
    }

    /** A value option: its name, the shortest prefix HTCondor accepts, and the message when its value is missing. */
    private enum ValueOption {
        AUTHZ("authz", 1, "-authz requires an authorization name argument"),
        LIFETIME("lifetime", 1, "-lifetime requires an integer in seconds."),
        POOL("pool", 1, "-pool requires a pool name argument."),
        NAME("name", 1, "-name requires a daemon name argument."),
        TOKEN("token", 2, "-token requires a file name argument."),
        TYPE("type", 1, "-type requires a daemon type argument."),
        KEY("key", 1, "-key requires a key name argument."),
        FILE("file", 1, "-file requires a file name argument.");

        final String option;
        final int minimum;
        final String missing;

        ValueOption(String option, int minimum, String missing) {
            this.option = option;
            this.minimum = minimum;
            this.missing = missing;
        }

        static Optional<ValueOption> match(String arg) {
            for (ValueOption candidate : values()) {
                if (DashOption.matches(arg, candidate.option, candidate.minimum)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        }
    }

    /** Parses {@code args}; messages go to {@code context.err()}. */
    static Parse parse(String[] args, ToolContext context) {
        List<String> authorizations = new ArrayList<>();
        long lifetime = NO_LIFETIME;
        Optional<String> pool = Optional.empty();
        Optional<String> name = Optional.empty();
        DaemonType type = DaemonType.SCHEDD;
        TokenOutput.Destination destination = TokenOutput.Destination.STDOUT;
        Optional<String> key = Optional.empty();
        boolean remote = false;
        Optional<String> debugFlags = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            Optional<ValueOption> option = ValueOption.match(arg);
            if (option.isPresent()) {
                if (i + 1 >= args.length) {
                    context.err().print(NAME + ": " + option.get().missing + "\n");
                    return new Exit(1);
                }
                String value = args[++i];
                switch (option.get()) {
                    case AUTHZ -> authorizations.add(value);
                    case LIFETIME -> {
                        OptionalLong parsed = CLong.parse(value);
                        if (parsed.isEmpty()) {
                            context.err().print(NAME + ": Invalid argument for -lifetime: " + value + ".\n");
                            return new Exit(1);
                        }
                        lifetime = parsed.getAsLong();
                    }
                    case POOL -> pool = Optional.of(value);
                    case NAME -> name = Optional.of(value);
                    case TOKEN -> destination = TokenOutput.Destination.tokenDirectory(value);
                    case TYPE -> {
                        Optional<DaemonType> parsed = DaemonType.parse(value);
                        if (parsed.isEmpty()) {
                            context.err().print("ERROR: unrecognized daemon type: " + value + "\n" + USAGE);
                            return new Exit(1);
                        }
                        type = parsed.get();
                    }
                    case KEY -> key = Optional.of(value);
                    case FILE -> destination = TokenOutput.Destination.file(value);
                    default -> throw new IllegalStateException(option.get().name());
                }
            } else if (DashOption.matches(arg, "remote", 1)) {
                remote = true;
            } else if (DashOption.matchesWithColon(arg, "debug", 1)) {
                int colon = arg.indexOf(':');
                debugFlags = Optional.of(colon < 0 ? "" : arg.substring(colon + 1));
            } else if (DashOption.matches(arg, "help", 1)) {
                context.err().print(USAGE);
                return new Exit(1);
            } else {
                context.err().print(NAME + ": Invalid command line argument: " + arg + "\n" + USAGE);
                return new Exit(1);
            }
        }
        return new Parsed(new TokenFetchOptions(List.copyOf(authorizations), lifetime,
                pool.filter(p -> !p.isEmpty()), name.filter(n -> !n.isEmpty()), type, destination, key.filter(k -> !k.isEmpty()),
                remote, debugFlags));
    }
}
