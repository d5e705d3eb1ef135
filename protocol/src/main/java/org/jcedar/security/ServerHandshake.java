package org.jcedar.security;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageReader;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.classad.ClassAd;
import org.jcedar.command.CommandRegistration;
import org.jcedar.command.CommandTable;
import org.jcedar.config.ConfigLiterals;
import org.jcedar.security.authz.AuthorizationLimits;
import org.jcedar.security.method.AuthenticatedPeer;
import org.jcedar.security.method.MethodStep;
import org.jcedar.security.method.ServerAuthentication;
import org.jcedar.security.method.ServerMethods;

/**
 * The server side of a connection's first command (20 §4-§12, §19.2), sans-I/O: each {@link #receive(byte[])}
 * consumes one complete message and returns what to send, when to switch AES on and when to close. When
 * {@link #command()} is present the command is authorized and its handler may run on the same connection.
 * Covers new sessions, resumed sessions and raw (unnegotiated) commands.
 */
public final class ServerHandshake {
    private static final long SESSION_DURATION_SLOP_SECONDS = 20;

    /** What a daemon brings to every connection. */
    public record Settings(CommandTable commands, ServerPolicies policies, ServerMethods methods,
                           CommandAuthorization authorization, SessionCache sessions, SessionIds sessionIds,
                           String trustDomain, Supplier<Optional<String>> issuerKeys, Clock clock) {
    }

    private enum State { AWAIT_COMMAND, AWAIT_METHODS, IN_METHOD, DONE }

    private final Settings settings;
    private final InetAddress peer;
    private final SecureRandom random;

    private State state = State.AWAIT_COMMAND;
    private boolean encrypted;
    private ClassAd request;
    private CommandRegistration registration;
    private int wireCommand;
    private SecurityPolicy policy;
    private ClassAd response;
    private EcdhKeyExchange keyExchange;
    private boolean authenticationRequired;
    private List<AuthMethod> offered = List.of();
    private ServerAuthentication current;
    private boolean triedAuthentication;
    private MessageReader rawPayload;
    private ServerSession.Command command;

    public ServerHandshake(Settings settings, InetAddress peer, SecureRandom random) {
        this.settings = settings;
        this.peer = peer;
        this.random = random;
    }

    /** The authorized command, once the handshake is over and the command may run. */
    public Optional<ServerSession.Command> command() {
        return Optional.ofNullable(command);
    }

    /** For a raw (unnegotiated) command: the rest of the first message, which carries the command's payload. */
    public Optional<MessageReader> rawPayload() {
        return Optional.ofNullable(rawPayload);
    }

    public boolean encrypted() {
        return encrypted;
    }

    /** Consumes one complete message from the client. Malformed input ends with a Close action, never an exception. */
    public List<HandshakeAction> receive(byte[] message) {
        MessageReader in = new MessageReader(message, encrypted);
        try {
            switch (state) {
                case AWAIT_COMMAND: return onCommand(in);
                case AWAIT_METHODS: return onMethods(in);
                case IN_METHOD: return onMethodMessage(in);
                default: return close(List.of(), "unexpected message after the handshake");
            }
        } catch (CedarException e) {
            return close(List.of(), "malformed message: " + e.getMessage());
        }
    }

    private List<HandshakeAction> onCommand(MessageReader in) throws CedarException {
        long first = in.getLong();
        if (first != ClientHandshake.DC_AUTHENTICATE) {
            return onRawCommand(first, in);
        }
        request = ClassAdWire.read(in);
        in.expectEnd();
        Optional<Long> commandAttribute = request.getInteger("Command");
        if (commandAttribute.isEmpty()) {
            return close(List.of(), "DC_AUTHENTICATE without a Command");
        }
        wireCommand = commandAttribute.get().intValue();
        long effective = wireCommand;
        if (wireCommand == ClientHandshake.DC_AUTHENTICATE || wireCommand == ClientHandshake.DC_SEC_QUERY) {
            effective = request.getInteger("AuthCommand").orElse(-1L);
        }
        Optional<CommandRegistration> found = settings.commands().lookup((int) effective);
        if (found.isEmpty()) {
            return close(List.of(), "unknown command " + effective);
        }
        registration = found.get();
        if (isYes(request.getString("UseSession"))) {
            return onResume();
        }
        if (request.contains("Cookie")) {
            return close(List.of(), "cookies are only valid inside an HTCondor daemon");
        }
        if (!isYes(request.getString("NewSession")) || !request.getString("Enact").map(v -> v.startsWith("N")
                || v.startsWith("n")).orElse(false)) {
            return close(List.of(), "the client did not ask to negotiate a new session (NewSession/Enact)");
        }
        try {
            policy = settings.policies().forLevel(registration.level(), registration.forceAuthentication());
        } catch (HandshakeException e) {
            return close(List.of(), "invalid security policy for " + registration.level() + ": " + e.getMessage());
        }
        return negotiate();
    }

    /** Reconciles the client's policy with ours (20 §4.3, §4.4) and sends the response ad. */
    private List<HandshakeAction> negotiate() {
        Optional<Requirement> clientAuth = requirement(request.getString("AuthenticationNew")
                .or(() -> request.getString("Authentication")));
        Decision auth = reconcile(clientAuth, policy.authentication());
        Decision enc = reconcile(requirement(request.getString("Encryption")), policy.encryption());
        Decision integ = reconcile(requirement(request.getString("Integrity")), policy.integrity());
        if (auth == Decision.FAIL || enc == Decision.FAIL || integ == Decision.FAIL) {
            return close(List.of(), "irreconcilable security policy (Authentication " + auth + ", Encryption " + enc
                    + ", Integrity " + integ + ")");
        }
        authenticationRequired = auth == Decision.YES && (clientAuth.orElse(null) == Requirement.REQUIRED
                || policy.authentication() == Requirement.REQUIRED);

        List<String> methodNames = new ArrayList<>();
        Optional<String> clientMethods = request.getString("AuthMethods");
        if (clientMethods.isPresent()) {
            List<String> clientItems = ConfigLiterals.listItems(clientMethods.get());
            for (AuthMethod m : policy.authMethods()) {
                // HTCondor matches the client's spelling against our canonical names (TOKEN, never IDTOKENS).
                clientItems.stream().filter(c -> c.equalsIgnoreCase(m.wireName())).findFirst()
                        .ifPresent(methodNames::add);
            }
        }
        offered = new ArrayList<>();
        for (String name : methodNames) {
            AuthMethod.parse(name).ifPresent(offered::add);
        }
        List<CryptoMethod> ciphers = new ArrayList<>();
        Optional<String> clientCiphers = request.getString("CryptoMethods");
        if (clientCiphers.isPresent()) {
            List<CryptoMethod> theirs = CryptoMethod.parseList(clientCiphers.get());
            for (CryptoMethod c : policy.cryptoMethods()) {
                if (theirs.contains(c)) {
                    ciphers.add(c);
                }
            }
        }
        Optional<String> clientKey = request.getString("ECDHPublicKey");
        // HTCondor 25 answers a client's key and picks a cipher even without authentication (20 §21.1).
        boolean keyExchangeHappens = clientKey.isPresent() && !ciphers.isEmpty();
        if (keyExchangeHappens && ciphers.get(0) == CryptoMethod.AES) {
            enc = Decision.YES; // AES-GCM always encrypts and authenticates every packet
            integ = Decision.YES;
        }
        if (enc == Decision.YES && !keyExchangeHappens) {
            return close(List.of(), "encryption is required but there is no common cipher or no client key");
        }

        ClassAd.Builder ad = ClassAd.builder().set("Enact", "YES").set("Integrity", integ.name())
                .set("Encryption", enc.name());
        if (policy.authMethods().contains(AuthMethod.TOKEN)) {
            settings.issuerKeys().get().ifPresent(keys -> ad.set("IssuerKeys", keys));
        }
        if (!methodNames.isEmpty()) {
            ad.set("AuthMethods", methodNames.get(0));
        }
        ad.set("TrustDomain", settings.trustDomain());
        Optional<Long> clientLease = request.getInteger("SessionLease");
        if (clientLease.isPresent()) {
            long ours = policy.sessionLease();
            long theirs = clientLease.get();
            ad.set("SessionLease", ours == 0 ? theirs : theirs == 0 ? ours : Math.min(ours, theirs));
        }
        if (keyExchangeHappens) {
            keyExchange = EcdhKeyExchange.generate(random);
            ad.set("CryptoMethods", ciphers.get(0).wireName());
            ad.set("ECDHPublicKey", keyExchange.publicKeyAttribute());
        }
        ad.set("RemoteVersion", JcedarVersion.REMOTE_VERSION).set("Authentication", auth.name());
        if (auth == Decision.YES && !authenticationRequired) {
            ad.set("AuthRequired", false);
        }
        if (clientMethods.isPresent()) {
            ad.set("AuthMethodsList", String.join(",", methodNames));
        }
        long clientDuration = request.getString("SessionDuration").flatMap(ServerHandshake::parseLong).orElse(0L);
        ad.set("SessionDuration", Long.toString(Math.min(clientDuration, policy.sessionDuration())));
        if (clientCiphers.isPresent()) {
            ad.set("CryptoMethodsList", CryptoMethod.wireList(ciphers));
        }
        ad.set("NegotiatedSession", true);
        response = ad.build();

        MessageWriter m2 = new MessageWriter(false);
        ClassAdWire.write(m2, response);
        List<HandshakeAction> actions = new ArrayList<>();
        actions.add(new HandshakeAction.Send(m2.toByteArray()));
        if (auth == Decision.YES) {
            state = State.AWAIT_METHODS;
            return actions;
        }
        return establish(actions, PeerIdentity.UNAUTHENTICATED, null);
    }

    /** H1: the client's method bits; we pick the first of our list it offers (20 §6.4). */
    private List<HandshakeAction> onMethods(MessageReader in) throws CedarException {
        long mask = in.getLong();
        in.expectEnd();
        if (offered.isEmpty()) {
            return close(List.of(), "no authentication method in common");
        }
        AuthMethod chosen = null;
        for (AuthMethod m : offered) {
            if ((mask & m.bit()) != 0) {
                chosen = m;
                break;
            }
        }
        List<HandshakeAction> actions = new ArrayList<>();
        Optional<ServerAuthentication> run = chosen == null ? Optional.empty() : settings.methods().create(chosen,
                new ServerMethods.ClientOffer(request.getString("RemoteVersion")));
        if (run.isEmpty()) {
            actions.add(new HandshakeAction.Send(new MessageWriter(false).putInt(0).toByteArray()));
            if (authenticationRequired) {
                return close(actions, "authentication failed with every method the client offered");
            }
            return establish(actions, PeerIdentity.UNAUTHENTICATED, null);
        }
        actions.add(new HandshakeAction.Send(new MessageWriter(false).putInt(chosen.bit()).toByteArray()));
        triedAuthentication = true;
        current = run.get();
        state = State.IN_METHOD;
        return afterMethodStep(actions, current.start());
    }

    private List<HandshakeAction> onMethodMessage(MessageReader in) throws CedarException {
        return afterMethodStep(new ArrayList<>(), current.receive(in));
    }

    private List<HandshakeAction> afterMethodStep(List<HandshakeAction> actions, MethodStep step) {
        for (byte[] payload : step.send()) {
            actions.add(new HandshakeAction.Send(payload));
        }
        switch (step.outcome()) {
            case SUCCEEDED:
                AuthenticatedPeer who = current.peer();
                actions.add(new HandshakeAction.Send(new MessageWriter(false).putInt(0).toByteArray())); // K1: no key
                return establish(actions, new PeerIdentity(who.fullyQualifiedUser()), who);
            case ABORTED:
                // The client was not told (TOKEN after its last message): it would wait for the key message, as
                // HTCondor leaves it until its timeout. We refuse at once instead.
                return close(actions, current.method().reportedName() + " authentication failed: " + step.failure());
            case FAILED:
                state = State.AWAIT_METHODS;
                current = null;
                return actions;
            default:
                return actions;
        }
    }

    /** After authentication (or none): switch AES on, authorize, send the post-auth ad (20 §10). */
    private List<HandshakeAction> establish(List<HandshakeAction> actions, PeerIdentity identity,
                                            AuthenticatedPeer who) {
        Optional<byte[]> key = Optional.empty();
        if (keyExchange != null) {
            try {
                key = Optional.of(keyExchange.deriveSessionKey(request.getString("ECDHPublicKey").orElse(""),
                        CryptoMethod.AES.keyLength()));
            } catch (HandshakeException e) {
                return close(actions, e.getMessage());
            }
            actions.add(new HandshakeAction.EnableEncryption(key.get()));
            encrypted = true;
        }
        if (registration.forceAuthentication() && !identity.isMapped()) {
            // HTCondor closes after the key message, without a post-auth ad (20 §11.6)
            return close(actions, "command " + registration.name() + " needs an authenticated identity");
        }
        Map<String, Object> attributes = new HashMap<>(who == null ? Map.of() : who.sessionAttributes());
        Optional<AuthorizationLimits> limits = Optional.empty();
        if (who != null && who.method() == AuthMethod.CLAIMTOBE) {
            limits = Optional.of(AuthorizationLimits.forLevel(registration.level()));
        } else if (attributes.get("LimitAuthorization") instanceof String list) {
            limits = AuthorizationLimits.ofNullable(list);
        }
        Instant now = settings.clock().instant();
        long duration = response.getString("SessionDuration").flatMap(ServerHandshake::parseLong).orElse(0L);
        ServerSession session = new ServerSession(settings.sessionIds().next(), identity,
                Optional.ofNullable(who).map(AuthenticatedPeer::method), key, limits, attributes,
                request.getString("RemoteVersion").orElse(""),
                now.plusSeconds(duration + SESSION_DURATION_SLOP_SECONDS), triedAuthentication);
        String denial = authorize(session);

        ClassAd.Builder post = ClassAd.builder().set("Sid", session.sessionId())
                .set("User", identity.fullyQualifiedUser())
                .set("ReturnCode", denial == null ? "AUTHORIZED" : "DENIED")
                .set("ValidCommands", settings.commands().validCommands(registration.level(), identity.isMapped()));
        if (triedAuthentication) {
            post.set("TriedAuthentication", true);
        }
        MessageWriter p = new MessageWriter(encrypted);
        ClassAdWire.write(p, post.build());
        actions.add(new HandshakeAction.Send(p.toByteArray()));
        if (denial != null) {
            return close(actions, denial);
        }
        settings.sessions().put(session, now);
        command = new ServerSession.Command(registration, wireCommand, session, encrypted);
        state = State.DONE;
        return actions;
    }

    /** Resumption (20 §12): a cached session's key and identity for a new command. */
    private List<HandshakeAction> onResume() {
        Instant now = settings.clock().instant();
        String sid = request.getString("Sid").orElse("");
        boolean wantsResponse = request.getBoolean("ResumeResponse").orElse(false);
        Optional<ServerSession> cached = settings.sessions().find(sid, now);
        List<HandshakeAction> actions = new ArrayList<>();
        if (cached.isEmpty()) {
            if (wantsResponse) {
                actions.add(send(ClassAd.builder().set("ReturnCode", "SID_NOT_FOUND").build(), false));
            }
            return close(actions, "unknown or expired session " + sid);
        }
        ServerSession session = cached.get();
        if (wantsResponse) {
            byte[] nonce = new byte[33];
            random.nextBytes(nonce);
            actions.add(send(ClassAd.builder().set("Nonce", Base64.getEncoder().encodeToString(nonce))
                    .set("ReturnCode", "AUTHORIZED").set("RemoteVersion", JcedarVersion.REMOTE_VERSION).build(),
                    false));
        }
        if (session.key().isPresent()) {
            actions.add(new HandshakeAction.EnableEncryption(session.key().get()));
            encrypted = true;
        }
        String denial = authorize(session);
        if (denial != null) {
            return close(actions, denial);
        }
        command = new ServerSession.Command(registration, wireCommand, session, encrypted);
        state = State.DONE;
        return actions;
    }

    /** A command sent without DC_AUTHENTICATE (20 §11.7): only where the level needs nothing REQUIRED. */
    private List<HandshakeAction> onRawCommand(long number, MessageReader in) {
        Optional<CommandRegistration> found = settings.commands().lookup((int) number);
        if (found.isEmpty()) {
            return close(List.of(), "unknown command " + number);
        }
        registration = found.get();
        wireCommand = (int) number;
        SecurityPolicy levelPolicy;
        try {
            levelPolicy = settings.policies().forLevel(registration.level(), registration.forceAuthentication());
        } catch (HandshakeException e) {
            return close(List.of(), e.getMessage());
        }
        if (levelPolicy.negotiation() == Requirement.REQUIRED || levelPolicy.authentication() == Requirement.REQUIRED
                || levelPolicy.encryption() == Requirement.REQUIRED
                || levelPolicy.integrity() == Requirement.REQUIRED) {
            return close(List.of(), "command " + registration.name() + " sent without negotiation, but its level "
                    + registration.level() + " requires security");
        }
        ServerSession session = new ServerSession("", PeerIdentity.UNAUTHENTICATED, Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), "", settings.clock().instant(), false);
        String denial = authorize(session);
        if (denial != null) {
            return close(List.of(), denial);
        }
        rawPayload = in;
        command = new ServerSession.Command(registration, wireCommand, session, false);
        state = State.DONE;
        return List.of();
    }

    private String authorize(ServerSession session) {
        return settings.authorization().denial(registration, session, peer).orElse(null);
    }

    private HandshakeAction send(ClassAd ad, boolean encryptedMode) {
        MessageWriter out = new MessageWriter(encryptedMode);
        ClassAdWire.write(out, ad);
        return new HandshakeAction.Send(out.toByteArray());
    }

    private List<HandshakeAction> close(List<HandshakeAction> before, String reason) {
        List<HandshakeAction> actions = new ArrayList<>(before);
        actions.add(new HandshakeAction.Close(reason));
        state = State.DONE;
        return actions;
    }

    /** A missing client requirement counts as NEVER; an unreadable one is empty and fails (20 §4.3). */
    private static Optional<Requirement> requirement(Optional<String> value) {
        return value.isEmpty() ? Optional.of(Requirement.NEVER) : Requirement.parse(value.get());
    }

    private static Decision reconcile(Optional<Requirement> client, Requirement server) {
        return client.map(c -> Decision.reconcile(c, server)).orElse(Decision.FAIL);
    }

    private static boolean isYes(Optional<String> value) {
        return value.map(v -> v.toUpperCase(Locale.ROOT).startsWith("Y")).orElse(false);
    }


    private static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
