package org.jcedar.cli;

import java.util.Optional;
import java.util.OptionalLong;
import org.jcedar.address.SinfulAddress;
import org.jcedar.client.ClientConfiguration;
import org.jcedar.client.CondorClient;
import org.jcedar.client.ConnectFailedException;
import org.jcedar.client.DaemonLocation;
import org.jcedar.client.DaemonLocator;
import org.jcedar.client.DaemonType;
import org.jcedar.client.LocateException;
import org.jcedar.client.ReplyException;
import org.jcedar.client.Trace;
import org.jcedar.command.ImpersonationTokenRequest;
import org.jcedar.command.SessionTokenReply;
import org.jcedar.command.SessionTokenRequest;
import org.jcedar.keys.MalformedTokenException;
import org.jcedar.keys.UnverifiedToken;
import org.jcedar.security.HandshakeException;

/**
 * {@code condor_token_fetch}: asks a daemon (by default the local schedd) for a token for the identity this client
 * authenticates as, and prints it or writes it to a token file. Options, messages and exit statuses are those of
 * HTCondor 23.9.6 and 25.14.1 (observed): 1 for usage errors and failures, HTCondor's own codes for {@code -remote};
 * where HTCondor's message does not say why, a second line does.
 */
public final class TokenFetchTool {
    private static final String NAME = TokenFetchOptions.NAME;

    private TokenFetchTool() {
    }

    public static void main(String[] args) {
        ToolContext.exitConnecting(NAME, TokenFetchTool::run, args);
    }

    /** Runs the tool; returns its exit status. */
    public static int run(String[] args, ToolContext context) {
        TokenFetchOptions.Parse parse = TokenFetchOptions.parse(args, context);
        if (parse instanceof TokenFetchOptions.Exit exit) {
            return exit.status();
        }
        TokenFetchOptions options = ((TokenFetchOptions.Parsed) parse).options();
        ClientConfiguration config = context.config();
        Trace trace = options.debugFlags()
                .map(flags -> (Trace) new DebugTrace(context.err(), context.clock(),
                        flags.isEmpty() ? config.get("TOOL_DEBUG").orElse("") : flags))
                .orElse(Trace.NONE);
        if (options.remote() && options.type() != DaemonType.SCHEDD) {
            context.err().print(NAME + ": Remote fetch (-remote) is only valid with the schedd.\n");
            return 1;
        }
        CondorClient client;
        try {
            client = CondorClient.fromConfiguration(config, context.process(), context.keyPairs(), trace);
        } catch (HandshakeException e) {
            return failed("Failed to request a session token: " + e.getMessage(), Optional.empty(), context);
        }
        return options.remote() ? fetchThroughCollector(options, client, context, trace)
                : fetchFromDaemon(options, client, context, trace);
    }

    /** generate_remote_token: locate the daemon, DC_GET_SESSION_TOKEN. */
    private static int fetchFromDaemon(TokenFetchOptions options, CondorClient client, ToolContext context,
                                       Trace trace) {
        DaemonLocator locator = client.locator();
        Optional<SinfulAddress> pool = Optional.empty();
        if (options.pool().isPresent()) {
            try {
                pool = Optional.of(locator.collector(options.pool().get()));
            } catch (LocateException e) {
                context.err().print("ERROR: " + e.getMessage() + "\n");
                return 1;
            }
        }
        DaemonType type = options.type();
        switch (type.locate()) {
            case UNSUPPORTED -> {
                context.err().print("ERROR \"Unknown daemon type (" + type.number() + ") in Daemon::locate\"\n");
                return 4;
            }
            case NOTHING -> {
                return failed("Failed to request a session token: DAEMON:1:Failed to connect to remote daemon at ''",
                        Optional.of("a daemon of type " + type.htcondorName() + " has no address"), context);
            }
            default -> {
            }
        }
        DaemonLocation location;
        try {
            location = locator.locate(type, options.name(), pool);
        } catch (LocateException e) {
            return failed(options.name().map(n -> "ERROR: couldn't locate daemon " + n + "!")
                    .orElse("ERROR: couldn't locate default daemon type."), Optional.of(e.getMessage()), context);
        }
        // HTCondor passes the lifetime on as a C int; sent only when that is positive (30 §3.2).
        SessionTokenRequest request = new SessionTokenRequest(options.authorizations(),
                OptionalLong.of((int) options.lifetime()), options.key());
        String address = location.address().toString();
        SessionTokenReply reply;
        try {
            reply = client.requestSessionToken(location.address(), request);
        } catch (ConnectFailedException e) {
            return failed("Failed to request a session token: DAEMON:1:Failed to connect to remote daemon at '"
                    + address + "'", Optional.of(e.getMessage()), context);
        } catch (HandshakeException e) {
            return failed("Failed to request a session token: " + e.getMessage(), Optional.empty(), context);
        } catch (ReplyException e) {
            return failed("Failed to request a session token: DAEMON:1:Failed to receive response from remote daemon"
                    + " at '" + address + "'", Optional.of(e.getMessage()), context);
        }
        if (!reply.succeeded()) {
            return failed("Failed to request a session token: DAEMON:" + reply.errorCode() + ":"
                    + reply.errorString(), Optional.empty(), context);
        }
        return deliver(reply.token().orElseThrow(), options, context, trace);
    }

    /** generate_remote_schedd_token: IMPERSONATION_TOKEN_REQUEST to the collector; exits with the error's code. */
    private static int fetchThroughCollector(TokenFetchOptions options, CondorClient client, ToolContext context,
                                             Trace trace) {
        DaemonLocator locator = client.locator();
        String scheddName = options.name().orElseGet(() -> locator.localDaemonName(DaemonType.SCHEDD));
        SinfulAddress collector;
        try {
            collector = options.pool().isPresent() ? locator.collector(options.pool().get())
                    : locator.locate(DaemonType.COLLECTOR, Optional.empty(), Optional.empty()).address();
        } catch (LocateException e) {
            return remoteFailed(2, "DCCollector:2:Failed to connect to remote daemon at ''", e.getMessage(), context);
        }
        ImpersonationTokenRequest request = new ImpersonationTokenRequest(options.authorizations(),
                OptionalLong.of((int) options.lifetime()), scheddName);
        SessionTokenReply reply;
        try {
            reply = client.requestImpersonationToken(collector, request);
        } catch (ConnectFailedException e) {
            return remoteFailed(2, "DCCollector:2:Failed to connect to remote daemon at '" + collector + "'",
                    e.getMessage(), context);
        } catch (HandshakeException e) {
            return remoteFailed(1, "DAEMON:1:failed to start command for token request with remote collector at '"
                    + collector + "'.|" + e.getMessage(), null, context);
        } catch (ReplyException e) {
            return remoteFailed(1, "DAEMON:1:Failed to receive response from remote collector at '" + collector + "'",
                    e.getMessage(), context);
        }
        if (!reply.succeeded()) {
            return remoteFailed(reply.errorCode(), "DAEMON:" + reply.errorCode() + ":" + reply.errorString(), null,
                    context);
        }
        return deliver(reply.token().orElseThrow(), options, context, trace);
    }

    /** Prints or writes the token (30 §6.1); with -debug, says what the token holds (never its signature). */
    private static int deliver(String token, TokenFetchOptions options, ToolContext context, Trace trace) {
        trace.log(Trace.Category.ALWAYS, () -> {
            try {
                UnverifiedToken parsed = UnverifiedToken.parse(token);
                return "token header " + new String(parsed.headerJson(), java.nio.charset.StandardCharsets.UTF_8)
                        + " claims " + new String(parsed.payloadJson(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (MalformedTokenException e) {
                return "the token does not decode: " + e.getMessage();
            }
        });
        return TokenOutput.write(token, options.destination(), context);
    }

    private static int failed(String message, Optional<String> reason, ToolContext context) {
        context.err().print(message + "\n" + reason.map(r -> "Reason: " + r + "\n").orElse(""));
        return 1;
    }

    /** HTCondor prints the error stack after a blank line and exits with the top error's code (as a byte). */
    private static int remoteFailed(int code, String errors, String reason, ToolContext context) {
        context.err().print("Remote token fetch failed with the following error:\n\n" + errors + "\n"
                + (reason == null ? "" : "Reason: " + reason + "\n"));
        return code & 0xFF;
    }
}
