package org.jcedar.security.method.token;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.MessageReader;
import org.jcedar.security.AuthMethod;
import org.jcedar.security.method.ClientAuthentication;
import org.jcedar.security.method.MethodStep;

/**
 * Client half of TOKEN (IDTOKENS, 30 §4.7): present the chosen token's subject and signed text with a random
 * challenge, check the server's proof, answer with ours. Without a usable token the exchange still runs, in its
 * error form, so that both sides fail the method cleanly and move on.
 */
public final class TokenClient implements ClientAuthentication {
    private final Optional<PresentedToken> token;
    private final SecureRandom random;
    private byte[] ra;

    public TokenClient(Optional<PresentedToken> token, SecureRandom random) {
        this.token = token;
        this.random = random;
    }

    @Override
    public AuthMethod method() {
        return AuthMethod.TOKEN;
    }

    @Override
    public MethodStep start() {
        if (token.isEmpty()) {
            return MethodStep.send(TokenMessages.first(new TokenMessages.First(TokenMessages.ERROR, "", "",
                    new byte[0])));
        }
        ra = new byte[TokenProof.CHALLENGE_LENGTH];
        random.nextBytes(ra);
        PresentedToken t = token.get();
        return MethodStep.send(TokenMessages.first(new TokenMessages.First(TokenMessages.OK, t.subject(),
                t.signedText(), ra)));
    }

    @Override
    public MethodStep receive(MessageReader message) throws CedarException {
        TokenMessages.Second second = TokenMessages.readSecond(message);
        String failure = check(second);
        if (failure != null) {
            byte[] third = TokenMessages.third(new TokenMessages.Third(TokenMessages.ERROR, "", new byte[0],
                    new byte[0]));
            return MethodStep.failed(List.of(third), failure);
        }
        PresentedToken t = token.get();
        byte[] proof = new TokenProof(t.signature(), t.signedText()).clientProof(t.subject(), second.rb());
        byte[] third = TokenMessages.third(new TokenMessages.Third(TokenMessages.OK, t.subject(), second.rb(), proof));
        return MethodStep.succeeded(List.of(third));
    }

    private String check(TokenMessages.Second second) {
        if (token.isEmpty()) {
            return "no token in the token directories is signed by a key the server holds ("
                    + "issuer and key id must match its TrustDomain and IssuerKeys)";
        }
        if (second.status() != TokenMessages.OK) {
            return "the server refused the token";
        }
        PresentedToken t = token.get();
        if (second.ra().length != TokenProof.CHALLENGE_LENGTH || second.rb().length != TokenProof.CHALLENGE_LENGTH) {
            return "the server's challenges have the wrong length";
        }
        if (second.serverName().isEmpty() || !second.clientName().equals(t.subject())
                || !Arrays.equals(second.ra(), ra)) {
            return "the server's answer does not echo our name and challenge";
        }
        byte[] expected = new TokenProof(t.signature(), t.signedText())
                .serverProof(t.subject(), second.serverName(), ra, second.rb());
        if (!TokenProof.sameProof(expected, second.proof())) {
            return "the server could not prove it holds the token's signing key";
        }
        return null;
    }
}
