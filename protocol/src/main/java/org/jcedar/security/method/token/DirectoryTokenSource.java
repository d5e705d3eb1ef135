package org.jcedar.security.method.token;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jcedar.keys.TokenDirectory;
import org.jcedar.keys.TokenSelection;
import org.jcedar.keys.UnverifiedToken;

/**
 * A client's tokens, read once from its token directory (30 §4.2); the choice for a server is signing-keys'
 * {@link TokenSelection}.
 */
public final class DirectoryTokenSource implements TokenSource {
    private final List<TokenDirectory.Candidate> candidates;

    public DirectoryTokenSource(List<TokenDirectory.Candidate> candidates) {
        this.candidates = List.copyOf(candidates);
    }

    public boolean isEmpty() {
        return candidates.isEmpty();
    }

    @Override
    public Optional<PresentedToken> choose(Optional<String> issuer, Set<String> keyIds) {
        return TokenSelection.choose(candidates, issuer.orElse(""), keyIds).map(choice -> {
            UnverifiedToken t = choice.token();
            return new PresentedToken(t.subject().orElseThrow(), t.signingInput(), t.signature());
        });
    }
}
