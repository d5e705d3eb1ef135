package org.jcedar.security.method.claimtobe;

import java.util.List;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.MessageReader;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.security.AuthMethod;
import org.jcedar.security.method.AuthenticatedPeer;
import org.jcedar.security.method.MethodStep;
import org.jcedar.security.method.ServerAuthentication;

/**
 * Server half of CLAIMTOBE: trust the claim. With SEC_CLAIMTOBE_INCLUDE_DOMAIN (true in current HTCondor) the
 * claim is split at its last {@code @}, defaulting to UID_DOMAIN; without it the whole claim is the user and there
 * is no domain, which is what 23.x servers do by default (identity {@code condor}, 20 §7.4).
 */
public final class ClaimToBeServer implements ServerAuthentication {
    private final boolean includeDomain;
    private final String uidDomain;
    private AuthenticatedPeer peer;

    public ClaimToBeServer(boolean includeDomain, String uidDomain) {
        this.includeDomain = includeDomain;
        this.uidDomain = uidDomain;
    }

    @Override
    public AuthMethod method() {
        return AuthMethod.CLAIMTOBE;
    }

    @Override
    public MethodStep start() {
        return MethodStep.waiting(); // the client speaks first
    }

    @Override
    public MethodStep receive(MessageReader message) throws CedarException {
        long flag = message.getLong();
        if (flag != 1) {
            message.expectEnd();
            return MethodStep.failed(List.of(new MessageWriter(false).putInt(0).toByteArray()),
                    "the client could not say who it claims to be");
        }
        String claim = message.getString();
        message.expectEnd();
        if (claim.isEmpty()) {
            return MethodStep.failed(List.of(new MessageWriter(false).putInt(0).toByteArray()), "empty claim");
        }
        if (includeDomain) {
            int at = claim.lastIndexOf('@');
            peer = at >= 0 ? AuthenticatedPeer.of(claim.substring(0, at), claim.substring(at + 1), AuthMethod.CLAIMTOBE)
                    : AuthenticatedPeer.of(claim, uidDomain, AuthMethod.CLAIMTOBE);
        } else {
            peer = AuthenticatedPeer.of(claim, null, AuthMethod.CLAIMTOBE);
        }
        return MethodStep.succeeded(List.of(new MessageWriter(false).putInt(1).toByteArray()));
    }

    @Override
    public AuthenticatedPeer peer() {
        if (peer == null) {
            throw new IllegalStateException("CLAIMTOBE has not authenticated anyone");
        }
        return peer;
    }
}
