package org.jcedar.client;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jcedar.keys.SigningKeyStore;
import org.jcedar.keys.TokenDirectory;
import org.jcedar.security.AuthMethod;
import org.jcedar.security.ClientHandshake;
import org.jcedar.security.Endpoint;
import org.jcedar.security.HandshakeException;
import org.jcedar.security.Permission;
import org.jcedar.security.SecurityPolicy;
import org.jcedar.security.SecurityPolicyReader;
import org.jcedar.security.method.ClientAuthentication;
import org.jcedar.security.method.ClientMethods;
import org.jcedar.security.method.anonymous.AnonymousClient;
import org.jcedar.security.method.claimtobe.ClaimToBeClient;
import org.jcedar.security.method.fs.FsClient;
import org.jcedar.security.method.fs.LocalFileSystem;
import org.jcedar.security.method.token.DirectoryTokenSource;
import org.jcedar.security.method.token.PresentedToken;
import org.jcedar.security.method.token.TokenClient;

/**
 * A tool's side of HTCondor security, read once from its configuration: the client policy (level CLIENT), the
 * authentication methods in the configured order and what each needs - the token directory for TOKEN, the FS
 * channel-binding rule, the name CLAIMTOBE claims. Makes one {@link ClientHandshake} per connection.
 */
public final class ClientSecurity {
    /** The subsystem a tool runs as: it names the tool's knobs and its preferred token file. */
    public static final String SUBSYSTEM = "TOOL";

    private final SecurityPolicy policy;
    private final Optional<String> trustDomain;
    private final DirectoryTokenSource tokens;
    private final boolean enforceChannelBinding;
    private final String claimToBeName;
    private final ClientProcess process;
    private final EcdhKeyPairs keyPairs;
    private final Trace trace;

    private ClientSecurity(SecurityPolicy policy, Optional<String> trustDomain, DirectoryTokenSource tokens,
                           boolean enforceChannelBinding, String claimToBeName, ClientProcess process,
                           EcdhKeyPairs keyPairs, Trace trace) {
        this.policy = policy;
        this.trustDomain = trustDomain;
        this.tokens = tokens;
        this.enforceChannelBinding = enforceChannelBinding;
        this.claimToBeName = claimToBeName;
        this.process = process;
        this.keyPairs = keyPairs;
        this.trace = trace;
    }

    /**
     * Reads the client policy (SEC_CLIENT_* and SEC_DEFAULT_*, 20 §3.3) and the tokens of the user's token
     * directory (30 §4.2). HTCondor's tools offer TOKEN even when they hold no token (observed with 23.9.6 and
     * 25.14.1), so it stays in the list and simply fails if the server picks it and nothing matches.
     *
     * @param keyPairs the connections' ECDH key pairs and the random source of the methods' nonces
     * @throws HandshakeException when the configured policy is invalid (HTCondor refuses to start the command)
     */
    public static ClientSecurity fromConfiguration(ClientConfiguration config, ClientProcess process,
                                                   EcdhKeyPairs keyPairs, Trace trace)
            throws HandshakeException {
        SecurityPolicy policy = new SecurityPolicyReader(config::get, SUBSYSTEM)
                .read(Permission.CLIENT, false, true);
        Optional<String> uidDomain = config.get("UID_DOMAIN");
        Optional<String> trustDomain = config.get("TRUST_DOMAIN").or(() -> uidDomain);
        DirectoryTokenSource tokens = readTokens(config, process, trace);
        String claimed = config.get("SEC_CLAIMTOBE_USER")
                .orElse(process.isRoot() ? "condor" : process.userName());
        if (config.bool("SEC_CLAIMTOBE_INCLUDE_DOMAIN", true) && uidDomain.isPresent()) {
            claimed = claimed + "@" + uidDomain.get();
        }
        trace.log(Trace.Category.SECURITY, () -> "client policy: Authentication " + policy.authentication()
                + ", Encryption " + policy.encryption() + ", Integrity " + policy.integrity() + ", methods "
                + AuthMethod.wireList(policy.authMethods()));
        return new ClientSecurity(policy, trustDomain, tokens,
                config.bool("SEC_FS_ENFORCE_CHANNEL_BINDING", true), claimed, process, keyPairs, trace);
    }

    private static DirectoryTokenSource readTokens(ClientConfiguration config, ClientProcess process, Trace trace) {
        Optional<java.nio.file.Path> directory = TokenDirectory.locate(config.path("SEC_TOKEN_DIRECTORY"),
                config.path("SEC_TOKEN_SYSTEM_DIRECTORY"), process.isRoot(), process.home());
        Pattern exclude;
        try {
            exclude = Pattern.compile(config.get("LOCAL_CONFIG_DIR_EXCLUDE_REGEXP")
                    .orElse(SigningKeyStore.DEFAULT_EXCLUDE_REGEXP));
        } catch (PatternSyntaxException e) {
            trace.log(Trace.Category.SECURITY, "LOCAL_CONFIG_DIR_EXCLUDE_REGEXP is not a valid regular expression;"
                    + " no token files are read");
            return new DirectoryTokenSource(List.of());
        }
        if (directory.isEmpty()) {
            trace.log(Trace.Category.SECURITY, "no token directory (SEC_TOKEN_SYSTEM_DIRECTORY is unset)");
            return new DirectoryTokenSource(List.of());
        }
        TokenDirectory.Contents contents = TokenDirectory.read(directory.get(), SUBSYSTEM, exclude, process.uid());
        trace.log(Trace.Category.SECURITY, () -> "token directory " + directory.get() + ": "
                + contents.candidates().size() + " token(s)");
        for (TokenDirectory.Skipped skipped : contents.skipped()) {
            trace.log(Trace.Category.SECURITY, () -> "ignoring " + skipped.file() + ": " + skipped.reason());
        }
        return new DirectoryTokenSource(contents.candidates());
    }

    public SecurityPolicy policy() {
        return policy;
    }

    /**
     * A handshake for one command on one connection.
     *
     * @param connectSinful the address as the client connects to it, as HTCondor sends it in {@code ConnectSinful}
     * @param serverAsSeen  the daemon's IP and port as this client connected to them (FS channel binding)
     * @param sharedPortId  the {@code sock} id the connection went through, if any
     */
    public ClientHandshake handshake(int command, String connectSinful, Endpoint serverAsSeen,
                                     Optional<String> sharedPortId) {
        ClientHandshake.Settings settings = new ClientHandshake.Settings(command, java.util.OptionalInt.empty(),
                policy, connectSinful, trustDomain, Optional.empty(), SUBSYSTEM, process.pid());
        ClientMethods methods = (method, offer) -> Optional.ofNullable(create(method, offer, serverAsSeen,
                sharedPortId));
        return new ClientHandshake(settings, keyPairs.next(), methods);
    }

    private ClientAuthentication create(AuthMethod method, ClientMethods.ServerOffer offer, Endpoint serverAsSeen,
                                        Optional<String> sharedPortId) {
        trace.log(Trace.Category.SECURITY, () -> "trying authentication method " + method.reportedName());
        switch (method) {
            case FS:
                return new FsClient(serverAsSeen, sharedPortId, enforceChannelBinding, new LocalFileSystem());
            case CLAIMTOBE:
                return new ClaimToBeClient(claimToBeName);
            case ANONYMOUS:
                return new AnonymousClient();
            case TOKEN:
                Set<String> keys = new HashSet<>(List.of(offer.issuerKeys().orElse("").split("[,\\s]+")));
                keys.remove("");
                Optional<PresentedToken> token = tokens.choose(offer.trustDomain(), keys);
                trace.log(Trace.Category.SECURITY, () -> token.map(t -> "presenting a token for " + t.subject())
                        .orElse("no token matches the server's trust domain " + offer.trustDomain().orElse("(none)")
                                + " and keys " + keys));
                return new TokenClient(token, keyPairs.random());
            default:
                return null;
        }
    }
}
