package org.jcedar.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageReader;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.classad.ClassAd;
import org.jcedar.security.method.ClientAuthentication;
import org.jcedar.security.method.ClientMethods;
import org.jcedar.security.method.MethodStep;

/**
 * The client side of a new security session (20 §2, §19.1), sans-I/O: {@link #start()} gives the DC_AUTHENTICATE
 * message, each {@link #receive(byte[])} consumes one complete message from the server and returns what to do
 * next, until {@link #finished()}; then {@link #session()} says what was negotiated. The command's own payload
 * follows on the same connection, encrypted when {@link ClientSession#encrypted()}.
 */
public final class ClientHandshake {
    /** DC_AUTHENTICATE, the command that wraps every negotiated command. */
    public static final int DC_AUTHENTICATE = 60010;
    public static final int DC_SEC_QUERY = 60040;

    /** What the client asks for. {@code authCommand} is only sent with DC_SEC_QUERY and DC_AUTHENTICATE. */
    public record Settings(int command, OptionalInt authCommand, SecurityPolicy policy, String connectSinful,
                           Optional<String> trustDomain, Optional<String> issuerKeys, String subsystem, long pid) {
    }

    private enum State { START, AWAIT_RESPONSE, AWAIT_CHOICE, IN_METHOD, AWAIT_KEY, AWAIT_POST_AUTH, DONE }

    private final Settings settings;
    private final EcdhKeyExchange keyExchange;
    private final ClientMethods methods;
    private final List<CondorError> methodErrors = new ArrayList<>();

    private State state = State.START;
    private boolean encrypted;
    private ClassAd response;
    private boolean authenticationRequired = true;
    private List<AuthMethod> remaining = new ArrayList<>();
    private ClientAuthentication current;
    private AuthMethod usedMethod;
    private ClientSession session;

    public ClientHandshake(Settings settings, EcdhKeyExchange keyExchange, ClientMethods methods) {
        this.settings = settings;
        this.keyExchange = keyExchange;
        this.methods = methods;
    }

    /** M1: int DC_AUTHENTICATE and the client's security policy ad, in one message (20 §3). */
    public List<HandshakeAction> start() {
        if (state != State.START) {
            throw new IllegalStateException("already started");
        }
        SecurityPolicy p = settings.policy();
        ClassAd.Builder ad = ClassAd.builder()
                .set("Enact", "NO")
                .set("Command", settings.command());
        settings.authCommand().ifPresent(c -> ad.set("AuthCommand", c));
        ad.set("Integrity", p.integrity().name())
                .set("ServerPid", settings.pid())
                .set("Subsystem", settings.subsystem())
                .set("Encryption", p.encryption().name())
                .set("NewSession", "YES");
        if (!p.authMethods().isEmpty()) {
            ad.set("AuthMethods", AuthMethod.wireList(p.authMethods()));
            settings.trustDomain().ifPresent(td -> ad.set("TrustDomain", td));
            if (p.authMethods().contains(AuthMethod.TOKEN)) {
                settings.issuerKeys().ifPresent(keys -> ad.set("IssuerKeys", keys));
            }
        }
        ad.set("SessionLease", p.sessionLease())
                .set("ConnectSinful", settings.connectSinful());
        if (!p.cryptoMethods().isEmpty()) {
            ad.set("CryptoMethods", CryptoMethod.wireList(p.cryptoMethods()));
        }
        ad.set("ECDHPublicKey", keyExchange.publicKeyAttribute())
                .set("RemoteVersion", JcedarVersion.REMOTE_VERSION)
                .set("Authentication", p.authentication().name())
                .set("SessionDuration", Long.toString(p.sessionDuration()))
                .set("AuthenticationNew", p.authenticationNew().name())
                .set("NegotiatedSession", true)
                .set("OutgoingNegotiation", p.negotiation().name());
        MessageWriter m1 = new MessageWriter(false).putInt(DC_AUTHENTICATE);
        ClassAdWire.write(m1, ad.build());
        state = State.AWAIT_RESPONSE;
        return List.of(new HandshakeAction.Send(m1.toByteArray()));
    }

    public boolean finished() {
        return state == State.DONE;
    }

    public ClientSession session() {
        if (session == null) {
            throw new IllegalStateException("the handshake has not finished");
        }
        return session;
    }

    /** The server's response ad (M2), once received: what the server decided. */
    public Optional<ClassAd> serverResponse() {
        return Optional.ofNullable(response);
    }

    /** The HTCondor error a client reports when the server hangs up in the current state (20 §11.6). */
    public HandshakeException peerClosed() {
        switch (state) {
            case AWAIT_RESPONSE:
                return new HandshakeException(CondorError.secman(CondorError.SECMAN_COMMAND_NOT_REGISTERED,
                        "Connection closed during command authorization. Probably due to an unknown command."));
            case AWAIT_CHOICE:
            case IN_METHOD:
            case AWAIT_KEY:
                List<CondorError> errors = new ArrayList<>();
                errors.add(CondorError.authenticate(CondorError.AUTHENTICATE_OUT_OF_METHODS,
                        "Failed to authenticate with any method"));
                errors.addAll(methodErrors);
                if (current != null) {
                    errors.add(methodFailed(current.method(), "the server closed the connection"));
                }
                return new HandshakeException(errors);
            default:
                return new HandshakeException(CondorError.secman(CondorError.SECMAN_COMMUNICATION,
                        "Failed to received post-auth ClassAd"));
        }
    }

    /** Consumes one complete message from the server. */
    public List<HandshakeAction> receive(byte[] message) throws HandshakeException {
        MessageReader in = new MessageReader(message, encrypted);
        try {
            switch (state) {
                case AWAIT_RESPONSE: return onResponse(in);
                case AWAIT_CHOICE: return onChoice(in);
                case IN_METHOD: return onMethodMessage(in);
                case AWAIT_KEY: return onKey(in);
                case AWAIT_POST_AUTH: return onPostAuth(in);
                default: throw new IllegalStateException("no message expected in state " + state);
            }
        } catch (CedarException e) {
            throw new HandshakeException(CondorError.secman(CondorError.SECMAN_COMMUNICATION,
                    "malformed message from the server: " + e.getMessage()));
        }
    }

    private List<HandshakeAction> onResponse(MessageReader in) throws CedarException, HandshakeException {
        response = ClassAdWire.read(in);
        in.expectEnd();
        Decision auth = decision("Authentication");
        Decision enc = decision("Encryption");
        decision("Integrity");
        if (enc == Decision.YES) {
            Optional<CryptoMethod> cipher = chosenCipher();
            if (cipher.isEmpty() || !cipher.get().supported()) {
                throw new HandshakeException(CondorError.secman(CondorError.SECMAN_INVALID_POLICY,
                        "The server chose the cipher " + response.getString("CryptoMethods").orElse("(none)")
                                + ", which this client does not support (only AES)"));
            }
        }
        authenticationRequired = response.getBoolean("AuthRequired").orElse(true);
        if (auth != Decision.YES) {
            return finishAuthentication(new ArrayList<>());
        }
        String list = response.getString("AuthMethodsList").or(() -> response.getString("AuthMethods")).orElse("");
        for (AuthMethod m : AuthMethod.parseList(list)) {
            if (settings.policy().authMethods().contains(m)) {
                remaining.add(m);
            }
        }
        if (remaining.isEmpty()) {
            throw new HandshakeException(CondorError.secman(CondorError.SECMAN_ATTRIBUTE_MISSING,
                    "The server and this client have no authentication method in common (server: " + list
                            + ", client: " + AuthMethod.wireList(settings.policy().authMethods()) + ")"));
        }
        return List.of(offerMethods());
    }

    private HandshakeAction offerMethods() {
        state = State.AWAIT_CHOICE;
        current = null;
        return new HandshakeAction.Send(new MessageWriter(false).putInt(AuthMethod.bitmask(remaining)).toByteArray());
    }

    private List<HandshakeAction> onChoice(MessageReader in) throws CedarException, HandshakeException {
        long chosen = in.getLong();
        in.expectEnd();
        if (chosen == 0) {
            List<CondorError> errors = new ArrayList<>();
            errors.add(CondorError.authenticate(CondorError.AUTHENTICATE_OUT_OF_METHODS,
                    "Failed to authenticate with any method"));
            errors.addAll(methodErrors);
            if (authenticationRequired) {
                throw new HandshakeException(errors);
            }
            return finishAuthentication(new ArrayList<>());
        }
        Optional<AuthMethod> method = AuthMethod.fromBit(chosen).filter(remaining::contains);
        if (method.isEmpty()) {
            throw new HandshakeException(CondorError.authenticate(CondorError.AUTHENTICATE_HANDSHAKE_FAILED,
                    "The server chose method bit " + chosen + ", which this client did not offer"));
        }
        ClientMethods.ServerOffer offer = new ClientMethods.ServerOffer(response.getString("TrustDomain"),
                response.getString("IssuerKeys"), response.getString("RemoteVersion"));
        Optional<ClientAuthentication> run = methods.create(method.get(), offer);
        if (run.isEmpty()) {
            throw new HandshakeException(CondorError.authenticate(CondorError.AUTHENTICATE_HANDSHAKE_FAILED,
                    "This client cannot run " + method.get().reportedName()));
        }
        current = run.get();
        state = State.IN_METHOD;
        return afterMethodStep(current.start());
    }

    private List<HandshakeAction> onMethodMessage(MessageReader in) throws CedarException, HandshakeException {
        return afterMethodStep(current.receive(in));
    }

    private List<HandshakeAction> afterMethodStep(MethodStep step) {
        List<HandshakeAction> actions = new ArrayList<>();
        for (byte[] payload : step.send()) {
            actions.add(new HandshakeAction.Send(payload));
        }
        switch (step.outcome()) {
            case SUCCEEDED:
                usedMethod = current.method();
                state = State.AWAIT_KEY;
                break;
            case FAILED:
            case ABORTED:
                methodErrors.add(methodFailed(current.method(), step.failure()));
                remaining.remove(current.method());
                actions.add(offerMethods());
                break;
            default:
                break;
        }
        return actions;
    }

    private static CondorError methodFailed(AuthMethod method, String why) {
        return CondorError.authenticate(CondorError.AUTHENTICATE_METHOD_FAILED,
                "Failed to authenticate using " + method.reportedName() + (why == null ? "" : ": " + why));
    }

    /** K1 (20 §6.8): int hasKey, 0 because the key comes from ECDH. */
    private List<HandshakeAction> onKey(MessageReader in) throws CedarException, HandshakeException {
        long hasKey = in.getLong();
        in.expectEnd();
        if (hasKey != 0) {
            throw new HandshakeException(CondorError.authenticate(CondorError.AUTHENTICATE_KEY_EXCHANGE_FAILED,
                    "The server sent a session key instead of using ECDH; jcedar does not accept that legacy path"));
        }
        current = null;
        return finishAuthentication(new ArrayList<>());
    }

    /** After authentication (or without it): derive the ECDH key and switch AES on, then wait for the post-auth ad. */
    private List<HandshakeAction> finishAuthentication(List<HandshakeAction> actions) throws HandshakeException {
        Optional<String> serverKey = response.getString("ECDHPublicKey");
        Optional<CryptoMethod> cipher = chosenCipher();
        if (serverKey.isPresent() && cipher.isPresent()) {
            if (!cipher.get().supported()) {
                throw new HandshakeException(CondorError.secman(CondorError.SECMAN_INVALID_POLICY,
                        "The server chose the cipher " + cipher.get().wireName() + ", which jcedar does not support"));
            }
            byte[] key = keyExchange.deriveSessionKey(serverKey.get(), cipher.get().keyLength());
            actions.add(new HandshakeAction.EnableEncryption(key));
            encrypted = true;
        } else if (decision("Encryption") == Decision.YES) {
            throw new HandshakeException(CondorError.secman(CondorError.SECMAN_NO_KEY,
                    "The server requires encryption but sent no ECDHPublicKey to derive a key from"));
        }
        state = State.AWAIT_POST_AUTH;
        return actions;
    }

    /** P (20 §10): ReturnCode, Sid, User, ValidCommands. */
    private List<HandshakeAction> onPostAuth(MessageReader in) throws CedarException, HandshakeException {
        ClassAd ad = ClassAdWire.read(in);
        in.expectEnd();
        String returnCode = ad.getString("ReturnCode").orElse("");
        String user = ad.getString("User").orElse("");
        if (!returnCode.isEmpty() && !returnCode.equals("AUTHORIZED")) {
            throw new HandshakeException(CondorError.secman(CondorError.SECMAN_AUTHORIZATION_FAILED,
                    "Received \"" + returnCode + "\" from server for user " + user + " using method "
                            + (usedMethod == null ? "(none)" : usedMethod.reportedName()) + "."));
        }
        String sid = ad.getString("Sid").orElse("");
        String validCommands = ad.getString("ValidCommands").orElse("");
        if (sid.isEmpty() || validCommands.isEmpty()) {
            throw new HandshakeException(CondorError.secman(CondorError.SECMAN_ATTRIBUTE_MISSING,
                    "The server's post-authentication ad lacks " + (sid.isEmpty() ? "Sid" : "ValidCommands")));
        }
        session = new ClientSession(sid, user, Optional.ofNullable(usedMethod),
                encrypted ? chosenCipher() : Optional.empty(), response.getString("RemoteVersion").orElse(""),
                response.getString("AuthMethodsList").orElse(""), validCommands, encrypted);
        state = State.DONE;
        return List.of();
    }

    private Optional<CryptoMethod> chosenCipher() {
        return response.getString("CryptoMethods").map(CryptoMethod::parseList)
                .flatMap(list -> list.isEmpty() ? Optional.empty() : Optional.of(list.get(0)));
    }

    private Decision decision(String attribute) throws HandshakeException {
        Optional<String> value = response.getString(attribute);
        Optional<Decision> decision = value.flatMap(Decision::parse);
        if (decision.isEmpty()) {
            throw new HandshakeException(CondorError.secman(CondorError.SECMAN_ATTRIBUTE_MISSING,
                    "The server's response ad has no valid " + attribute + " (" + value.orElse("missing") + ")"));
        }
        if (decision.get() == Decision.FAIL) {
            throw new HandshakeException(CondorError.secman(CondorError.SECMAN_INVALID_POLICY,
                    "The server could not reconcile " + attribute + " with this client's policy"));
        }
        return decision.get();
    }
}
