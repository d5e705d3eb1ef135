package org.jcedar.daemon;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.jcedar.command.CommandNumbers;
import org.jcedar.command.CommandTable;
import org.jcedar.command.SessionTokenIssuer;
import org.jcedar.keys.KeyFileException;
import org.jcedar.keys.SigningKey;
import org.jcedar.security.AuthMethod;
import org.jcedar.security.CommandAuthorization;
import org.jcedar.security.CondorVersion;
import org.jcedar.security.Endpoint;
import org.jcedar.security.ServerHandshake;
import org.jcedar.security.ServerPolicies;
import org.jcedar.security.ServerSession;
import org.jcedar.security.SessionCache;
import org.jcedar.security.SessionIds;
import org.jcedar.security.authz.Authorizer;
import org.jcedar.security.method.ServerAuthentication;
import org.jcedar.security.method.ServerMethods;
import org.jcedar.security.method.anonymous.AnonymousServer;
import org.jcedar.security.method.claimtobe.ClaimToBeServer;
import org.jcedar.security.method.fs.FsFileSystem;
import org.jcedar.security.method.fs.FsServer;
import org.jcedar.security.method.fs.LocalFileSystem;
import org.jcedar.security.method.token.KeyStoreTokenValidator;
import org.jcedar.security.method.token.TokenServer;

/**
 * What every connection of one daemon shares: its configuration, security policies, command table, session
 * cache, signing keys and log. Immutable after construction, or thread-safe, since connections run in parallel.
 */
final class DaemonContext {
    private final DaemonConfiguration config;
    private final DaemonLog log;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final CommandTable commands = DaemonCommands.table();
    private final ServerPolicies policies;
    private final CommandAuthorization authorization;
    private final SessionCache sessions = new SessionCache(100_000);
    private final SessionIds sessionIds;
    private final FsFileSystem fileSystem = new LocalFileSystem();
    private final SessionTokenIssuer tokenIssuer;
    private final KeyStoreTokenValidator tokenValidator;

    /** Creates a missing POOL key first: whether the daemon offers TOKEN depends on the keys it holds. */
    DaemonContext(DaemonConfiguration config, DaemonLog log, Clock clock) throws IOException {
        this.config = config;
        this.log = log;
        this.clock = clock;
        createPoolKeyIfMissing();
        this.policies = new ServerPolicies(config.knobs(), DaemonConfiguration.SUBSYSTEM, config.hasSigningKeys());
        this.authorization = new CommandAuthorization(new Authorizer(config.knobs(), DaemonConfiguration.SUBSYSTEM));
        this.sessionIds = new SessionIds(config.hostName(), ProcessHandle.current().pid(),
                clock.instant().getEpochSecond());
        this.tokenIssuer = new SessionTokenIssuer(config.tokenIssuance(), config.keyStore(), clock, random);
        this.tokenValidator = new KeyStoreTokenValidator(config.keyStore(), clock, config.tokenMaxAge());
    }

    /** What a real collector does at start-up (30 §1.4): a missing POOL key file is created, 64 random bytes. */
    private void createPoolKeyIfMissing() throws IOException {
        try {
            if (config.keyStore().createPoolKeyIfMissing(random)) {
                log.info("Created POOL token signing key in file " + config.keyStore().pathOf(SigningKey.POOL));
            }
        } catch (KeyFileException e) {
            throw new IOException(e.getMessage() + " (" + e.detail() + ")", e);
        }
    }

    DaemonLog log() {
        return log;
    }

    SecureRandom random() {
        return random;
    }

    int maxMessageSize() {
        return config.maxMessageSize();
    }

    DaemonConfiguration config() {
        return config;
    }

    /** The handshake settings for a connection whose accepted socket has this local endpoint. */
    ServerHandshake.Settings handshakeSettings(Endpoint local) {
        return new ServerHandshake.Settings(commands, policies, methodsFor(local), authorization, sessions,
                sessionIds, config.trustDomain(), config::issuerKeys, clock);
    }

    private ServerMethods methodsFor(Endpoint local) {
        return (method, offer) -> Optional.ofNullable(create(method, offer, local));
    }

    private ServerAuthentication create(AuthMethod method, ServerMethods.ClientOffer offer, Endpoint local) {
        switch (method) {
            case FS:
                return new FsServer(config.fsSettings(), local, fileSystem, random);
            case CLAIMTOBE:
                return new ClaimToBeServer(config.claimToBeIncludeDomain(), config.uidDomain());
            case ANONYMOUS:
                return new AnonymousServer();
            case TOKEN:
                return new TokenServer(tokenValidator, tokenServerName(offer), random);
            default:
                return null;
        }
    }

    /** What the TOKEN server calls itself: condor@password for clients from 23.9.0 (30 §4.6). */
    private String tokenServerName(ServerMethods.ClientOffer offer) {
        boolean modern = offer.remoteVersion().flatMap(CondorVersion::parse).map(v -> v.atLeast(23, 9, 0))
                .orElse(false);
        return modern ? "condor@password" : "condor_pool@" + config.uidDomain();
    }

    /** The handler for an authorized command: DC_SEC_QUERY and DC_AUTHENTICATE wrap the command they name. */
    CommandHandler handlerFor(ServerSession.Command command) {
        if (command.wireCommand() == CommandNumbers.DC_SEC_QUERY) {
            return new SecQueryHandler();
        }
        if (command.wireCommand() == CommandNumbers.DC_AUTHENTICATE) {
            return new NopHandler();
        }
        if (command.registration().number() == CommandNumbers.DC_GET_SESSION_TOKEN) {
            return new SessionTokenHandler(tokenIssuer);
        }
        return new NopHandler();
    }
}
