package org.jcedar.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import org.jcedar.client.ClientConfiguration;
import org.jcedar.keys.KeyFileException;
import org.jcedar.keys.SigningKey;
import org.jcedar.keys.SigningKeyStore;
import org.jcedar.keys.TokenClaims;
import org.jcedar.keys.TokenSigner;

/**
 * {@code condor_token_create}: signs a token locally with a key from the password directory or the POOL
 * key. Options, messages and exit statuses are those of HTCondor 23.9.6 and 25.14.1 (observed): 1 for
 * usage and output errors, 2 when no token could be generated.
 */
public final class TokenCreateTool {
    static final String NAME = "condor_token_create";
    static final String USAGE = "Usage: " + NAME
            + " -identity USER@DOMAIN [-key KEYID] [-authz AUTHZ] [-lifetime VAL] [-token NAME | -file NAME]\n"
            + "Generates a token from the local password.\n"
            + "\n"
            + "Token options:\n"
            + "    -authz    <authz>                Whitelist one or more authorization\n"
            + "    -lifetime <val>                  Max token lifetime, in seconds\n"
            + "    -identity <USER@DOMAIN>          User identity\n"
            + "    -key      <KEYID>                Key to use for signing\n"
            + "\n"
            + "Other options:\n"
            + "    -token    <NAME>                 Name of token file in tokens.d\n"
            + "    -file     <NAME>                 Token filename\n";

    /** Loading one key never lists the directory, so the exclude regexp does not matter here. */
    private static final Pattern NOTHING_EXCLUDED = Pattern.compile("(?!)");

    private TokenCreateTool() {
    }

    public static void main(String[] args) {
        ToolContext.exit(NAME, TokenCreateTool::run, args);
    }

    /** Runs the tool; returns its exit status. */
    public static int run(String[] args, ToolContext context) {
        if (args.length < 2) {
            return usage(context);
        }
        String identity = "";
        String key = SigningKey.POOL;
        List<String> authorizations = new ArrayList<>();
        long lifetime = -1;
        TokenOutput.Destination destination = TokenOutput.Destination.STDOUT;
        boolean debug = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            boolean hasValue = i + 1 < args.length;
            if (DashOption.matchesWithColon(arg, "debug", 1)) {
                debug = true;
            } else if (DashOption.matches(arg, "help", 1)) {
                return usage(context);
            } else if (!isValueOption(arg)) {
                context.err().print(NAME + ": Invalid command line argument: " + arg + "\n");
                return usage(context);
            } else if (!hasValue) {
                context.err().print(NAME + ": " + missingValueMessage(arg) + "\n");
                return 1;
            } else {
                String value = args[++i];
                if (DashOption.matches(arg, "identity", 2)) {
                    identity = value;
                } else if (DashOption.matches(arg, "key", 1)) {
                    key = value;
                } else if (DashOption.matches(arg, "authz", 1)) {
                    authorizations.add(value);
                } else if (DashOption.matches(arg, "lifetime", 1)) {
                    OptionalLong parsed = CLong.parse(value);
                    if (parsed.isEmpty()) {
                        context.err().print(NAME + ": Invalid argument for -lifetime: " + value + ".\n");
                        return 1;
                    }
                    lifetime = parsed.getAsLong();
                } else if (DashOption.matches(arg, "token", 2)) {
                    destination = TokenOutput.Destination.tokenDirectory(value);
                } else {
                    destination = TokenOutput.Destination.file(value);
                }
            }
        }
        Optional<String> token = generate(identity, key, authorizations, lifetime, debug, context);
        if (token.isEmpty()) {
            return 2;
        }
        return TokenOutput.write(token.get(), destination, context);
    }

    private static Optional<String> generate(String identity, String key, List<String> authorizations,
                                             long lifetime, boolean debug, ToolContext context) {
        ClientConfiguration config = context.config();
        SigningKeyStore store = new SigningKeyStore(config.path("SEC_PASSWORD_DIRECTORY"),
                config.path("SEC_TOKEN_POOL_SIGNING_KEY_FILE"),
                config.bool("SEC_TOKEN_POOL_SIGNING_KEY_IS_PASSWORD", false),
                NOTHING_EXCLUDED, context.realUid());
        SigningKey signingKey;
        try {
            signingKey = store.load(key);
        } catch (KeyFileException e) {
            if (debug) {
                context.err().print("TOKEN: " + e.detail() + "\n");
            }
            return failed("TOKEN:1:" + e.getMessage(), context);
        }
        String issuer = config.get("TRUST_DOMAIN").orElse("");
        Optional<String> problem = TokenClaims.issuerProblem(issuer);
        if (problem.isPresent()) {
            return failed("PASSWD:1:" + problem.get(), context);
        }
        TokenClaims claims = TokenClaims.issue(identity, issuer, authorizations, lifetime, context.clock(),
                context.random());
        return Optional.of(TokenSigner.mint(claims, signingKey));
    }

    private static Optional<String> failed(String error, ToolContext context) {
        context.err().print("Failed to generate a token.\n" + error + "\n");
        return Optional.empty();
    }

    private static boolean isValueOption(String arg) {
        return DashOption.matches(arg, "identity", 2) || DashOption.matches(arg, "key", 1)
                || DashOption.matches(arg, "authz", 1) || DashOption.matches(arg, "lifetime", 1)
                || DashOption.matches(arg, "token", 2) || DashOption.matches(arg, "file", 1);
    }

    private static String missingValueMessage(String arg) {
        if (DashOption.matches(arg, "identity", 2)) {
            return "-identity requires a condor identity as an argument";
        } else if (DashOption.matches(arg, "key", 1)) {
            return "-key requires a key ID as an argument";
        } else if (DashOption.matches(arg, "authz", 1)) {
            return "-authz requires an authorization name argument";
        } else if (DashOption.matches(arg, "lifetime", 1)) {
            return "-lifetime requires an integer in seconds.";
        } else if (DashOption.matches(arg, "token", 2)) {
            return "-token requires a file name argument.";
        }
        return "-file requires a file name argument.";
    }

    private static int usage(ToolContext context) {
        context.err().print(USAGE);
        return 1;
    }
}
