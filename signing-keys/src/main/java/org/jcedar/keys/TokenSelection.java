package org.jcedar.keys;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which token a client presents to a server (HTCondor's checkToken, 30 §4.2): the first candidate that
 * decodes, has a {@code kid} (one of the server's IssuerKeys, if it sent any), a string {@code iss} (equal
 * to the server's trust domain, if it sent one) and a string {@code sub}. The client does not check expiry.
 */
public final class TokenSelection {
    /** The chosen token and the file it came from. */
    public record Choice(TokenDirectory.Candidate candidate, UnverifiedToken token) {
    }

    private TokenSelection() {
    }

    public static Optional<Choice> choose(List<TokenDirectory.Candidate> candidates, String serverTrustDomain,
                                          Set<String> serverIssuerKeys) {
        for (TokenDirectory.Candidate candidate : candidates) {
            UnverifiedToken token;
            try {
                token = UnverifiedToken.parse(candidate.token());
            } catch (MalformedTokenException e) {
                continue;
            }
            boolean keyOk = token.keyId().isPresent()
                    && (serverIssuerKeys.isEmpty() || serverIssuerKeys.contains(token.keyId().get()));
            boolean issuerOk = token.issuer().isPresent()
                    && (serverTrustDomain.isEmpty() || serverTrustDomain.equals(token.issuer().get()));
            if (keyOk && issuerOk && token.subject().isPresent()) {
                return Optional.of(new Choice(candidate, token));
            }
        }
        return Optional.empty();
    }
}
