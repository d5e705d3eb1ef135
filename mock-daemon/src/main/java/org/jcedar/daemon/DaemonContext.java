package org.jcedar.daemon;

import io.netty.channel.Channel;
import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jcedar.command.AdTable;
import org.jcedar.command.CollectorAds;
import org.jcedar.command.CollectorCommand;
import org.jcedar.command.CommandNumbers;
import org.jcedar.command.CommandRegistration;
import org.jcedar.command.CommandTable;
import org.jcedar.command.SessionTokenIssuer;
import org.jcedar.command.TokenGenerator;
import org.jcedar.command.TokenRequests;
import org.jcedar.keys.KeyFileException;
import org.jcedar.keys.SigningKey;
import org.jcedar.security.AuthMethod;
import org.jcedar.security.CommandAuthorization;
import org.jcedar.security.CondorVersion;
import org.jcedar.security.Endpoint;
import org.jcedar.security.Permission;
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
import org.jcedar.security.method.token.TokenRevocation;
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
    private final CollectorAds collectorAds;
    private final TokenRequests tokenRequests;
    private final AtomicInteger keptConnections = new AtomicInteger();
    /**
     * The IssuerKeys every handshake advertises: the key files as they are once the POOL key exists, kept from then
     * on, as a real schedd keeps the list it computed until a reconfig (docs/tokens.md; the mock has no reconfig).
     * Keeping it also spares each handshake a listing of the key directory.
     */
    private final Optional<String> issuerKeys;

    /** Creates a missing POOL key first: whether the daemon offers TOKEN depends on the keys it holds. */
    DaemonContext(DaemonConfiguration config, DaemonLog log, Clock clock) throws IOException {
        this.config = config;
        this.log = log;
        this.clock = clock;
        createPoolKeyIfMissing();
        this.issuerKeys = config.issuerKeys();
        this.policies = new ServerPolicies(config.knobs(), DaemonConfiguration.SUBSYSTEM, issuerKeys.isPresent());
        this.authorization = new CommandAuthorization(new Authorizer(config.knobs(), DaemonConfiguration.SUBSYSTEM));
        this.sessionIds = new SessionIds(config.hostName(), ProcessHandle.current().pid(),
                clock.instant().getEpochSecond());
        this.tokenIssuer = new SessionTokenIssuer(config.tokenIssuance(), config.keyStore(), clock, random);
        this.tokenValidator = new KeyStoreTokenValidator(config.keyStore(), clock, config.tokenMaxAge(),
                TokenRevocation.of(config.tokenRevocationExpression()));
        this.tokenRequests = new TokenRequests(config.tokenRequests(), new TokenGenerator(config.keyStore(),
                config.trustDomain(), config.tokenIssuance().issuerKey(), clock, random), clock, random);
        this.collectorAds = new CollectorAds(new CollectorAds.Settings(config.classAdLifetimeSeconds(),
                config.maxCollectorAds()));
    }

    /**
     * Advertises the daemon's own schedd and collector ads into its collector, as a real schedd and collector
     * would, so that condor_status lists them and tools locate the schedd by name.
     */
    OwnAds publishOwnAds(String sinful) {
        long now = clock.instant().getEpochSecond();
        OwnAds own = new OwnAds(config, sinful, now);
        collectorAds.publish(AdTable.SCHEDULER, own.schedd());
        collectorAds.publish(AdTable.COLLECTOR, own.collector());
        return own;
    }

    /**
     * Counts a connection kept for further updates, and refuses one more past the limit (as the real collector
     * refuses to register more sockets than it has descriptors for); the count drops when the channel closes.
     */
    boolean admitKeptConnection(Channel channel) {
        if (keptConnections.incrementAndGet() > config.maxKeptConnections()) {
            keptConnections.decrementAndGet();
            return false;
        }
        channel.closeFuture().addListener(f -> keptConnections.decrementAndGet());
        return true;
    }

    CollectorAds collectorAds() {
        return collectorAds;
    }

    CommandTable commands() {
        return commands;
    }

    CommandAuthorization authorization() {
        return authorization;
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
                sessionIds, config.trustDomain(), () -> issuerKeys, clock);
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
    CommandHandler handlerFor(ServerSession.Command command, InetAddress peer) {
        if (command.wireCommand() == CommandNumbers.DC_SEC_QUERY) {
            return new SecQueryHandler();
        }
        if (command.wireCommand() == CommandNumbers.DC_AUTHENTICATE) {
            return new NopHandler();
        }
        int number = command.registration().number();
        if (number == CommandNumbers.DC_GET_SESSION_TOKEN) {
            return new SessionTokenHandler(tokenIssuer);
        }
        if (number >= CommandNumbers.DC_START_TOKEN_REQUEST && number <= CommandNumbers.DC_AUTO_APPROVE_TOKEN_REQUEST) {
            return new TokenRequestHandler(tokenRequests, caller(command, peer));
        }
        Optional<CollectorCommand> collector = CollectorCommand.of(number);
        if (collector.isPresent()) {
            CollectorCommand c = collector.get();
            switch (c.kind()) {
                case UPDATE:
                    return new UpdateHandler(c, collectorAds, clock);
                case INVALIDATE:
                    return new InvalidateHandler(c, collectorAds, !config.housekeepingOnInvalidate());
                default:
                    return new QueryHandler(c, collectorAds, session -> mayReadPrivateAttributes(session, peer), clock);
            }
        }
        return new NopHandler();
    }

    /** The collector sends private attributes to peers authorized at NEGOTIATOR or ADMINISTRATOR level. */
    private boolean mayReadPrivateAttributes(ServerSession session, InetAddress peer) {
        return authorizedAt(Permission.NEGOTIATOR, session, peer) || authorizedAt(Permission.ADMINISTRATOR, session, peer);
    }

    /** Whether the session's limits and ALLOW/DENY let it act at {@code level} (DaemonCore::Verify). */
    private boolean authorizedAt(Permission level, ServerSession session, InetAddress peer) {
        return authorization.denial(CommandRegistration.of(-1, level.name(), level), session, peer).isEmpty();
    }

    /** Who sends a token-request command, as the workflow's rules look at it. */
    private TokenRequests.Caller caller(ServerSession.Command command, InetAddress peer) {
        ServerSession session = command.session();
        return new TokenRequests.Caller(session.identity().fullyQualifiedUser(), peer.getHostAddress(),
                session.method().map(AuthMethod::reportedName), command.encrypted(), session.limits(),
                session.tokenExpiration(), authorizedAt(Permission.ADMINISTRATOR, session, peer));
    }
}
