package org.jcedar.security.method.token;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.MessageReader;
import org.jcedar.security.AuthMethod;
import org.jcedar.security.method.AuthenticatedPeer;
import org.jcedar.security.method.MethodStep;
import org.jcedar.security.method.ServerAuthentication;

/**
 * Server half of TOKEN (30 §4.7): validate the presented token with our signing keys, prove we hold the key, check
 * the client's proof and that the name it gave is the token's subject. The peer is the subject, split at its last
 * {@code @}; the token's claims become session attributes (30 §4.9), its {@code condor:/} scopes the session's
 * authorization limits.
 */
public final class TokenServer implements ServerAuthentication {
    private static final String SCOPE_PREFIX = "condor:/";

    private final TokenValidator validator;
    private final String serverName;
    private final SecureRandom random;

    private TokenMessages.First first;
    private ValidatedToken token;
    private byte[] rb;
    private String refusal;
    private AuthenticatedPeer peer;

    /** @param serverName what the server calls itself: {@code condor@password} for clients from 23.9.0 on */
    public TokenServer(TokenValidator validator, String serverName, SecureRandom random) {
        this.validator = validator;
        this.serverName = serverName;
        this.random = random;
    }

    @Override
    public AuthMethod method() {
        return AuthMethod.TOKEN;
    }

    @Override
    public MethodStep start() {
        return MethodStep.waiting(); // the client speaks first
    }

    @Override
    public MethodStep receive(MessageReader message) throws CedarException {
        if (first == null) {
            first = TokenMessages.readFirst(message);
            return MethodStep.send(answer());
        }
        TokenMessages.Third third = TokenMessages.readThird(message);
        if (refusal != null) {
            return MethodStep.failed(List.of(), refusal);
        }
        if (third.status() != TokenMessages.OK) {
            return MethodStep.failed(List.of(), "the client rejected our proof");
        }
        if (!third.clientName().equals(first.clientName()) || !Arrays.equals(third.rb(), rb)) {
            return MethodStep.aborted("the client's last message does not echo its name and our challenge");
        }
        byte[] expected = new TokenProof(token.signature(), first.signedText()).clientProof(first.clientName(), rb);
        if (!TokenProof.sameProof(expected, third.proof())) {
            return MethodStep.aborted("the client's proof does not match: it does not hold the token's signature");
        }
        if (!first.clientName().equals(token.subject())) {
            return MethodStep.aborted("the client calls itself " + first.clientName() + " but the token's subject is "
                    + token.subject());
        }
        peer = new AuthenticatedPeer(user(token.subject()), domain(token.subject()), AuthMethod.TOKEN, attributes());
        return MethodStep.succeeded(List.of());
    }

    @Override
    public AuthenticatedPeer peer() {
        if (peer == null) {
            throw new IllegalStateException("TOKEN has not authenticated anyone");
        }
        return peer;
    }

    private byte[] answer() {
        if (first.status() != TokenMessages.OK) {
            refusal = "the client has no token for us";
        } else if (first.ra().length != TokenProof.CHALLENGE_LENGTH) {
            refusal = "the client's challenge has the wrong length";
        } else {
            try {
                token = validator.validate(first.signedText());
            } catch (TokenValidator.Rejected e) {
                refusal = "token rejected: " + e.getMessage();
            }
        }
        if (refusal != null) {
            return TokenMessages.second(new TokenMessages.Second(TokenMessages.ERROR, "", "", new byte[0],
                    new byte[0], new byte[0]));
        }
        rb = new byte[TokenProof.CHALLENGE_LENGTH];
        random.nextBytes(rb);
        byte[] proof = new TokenProof(token.signature(), first.signedText())
                .serverProof(first.clientName(), serverName, first.ra(), rb);
        return TokenMessages.second(new TokenMessages.Second(TokenMessages.OK, first.clientName(), serverName,
                first.ra(), rb, proof));
    }

    private Map<String, Object> attributes() {
        Map<String, Object> out = new HashMap<>();
        out.put("AuthTokenSubject", token.subject());
        out.put("AuthTokenIssuer", token.issuer());
        token.id().ifPresent(id -> out.put("AuthTokenId", id));
        if (!token.scopes().isEmpty()) {
            out.put("AuthTokenScopes", String.join(",", token.scopes()));
            List<String> limits = token.scopes().stream().filter(s -> s.startsWith(SCOPE_PREFIX))
                    .map(s -> s.substring(SCOPE_PREFIX.length())).toList();
            if (!limits.isEmpty()) {
                out.put("LimitAuthorization", String.join(",", limits));
            }
        }
        token.expiration().filter(exp -> exp > 0).ifPresent(exp -> out.put("TokenExpirationTime", exp));
        return out;
    }

    private static String user(String subject) {
        int at = subject.lastIndexOf('@');
        return at < 0 ? subject : subject.substring(0, at);
    }

    private static Optional<String> domain(String subject) {
        int at = subject.lastIndexOf('@');
        return at < 0 ? Optional.empty() : Optional.of(subject.substring(at + 1));
    }
}
