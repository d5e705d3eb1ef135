package org.jcedar.security.method.claimtobe;

import java.util.List;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.MessageReader;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.security.AuthMethod;
import org.jcedar.security.method.ClientAuthentication;
import org.jcedar.security.method.MethodStep;

/**
 * Client half of CLAIMTOBE (20 §7.4): send int 1 and the claimed name, succeed when the server answers 1. The name
 * is SEC_CLAIMTOBE_USER or the user's name, with {@code @UID_DOMAIN} when SEC_CLAIMTOBE_INCLUDE_DOMAIN is set; the
 * caller works that out.
 */
public final class ClaimToBeClient implements ClientAuthentication {
    private final String claimedName;

    public ClaimToBeClient(String claimedName) {
        this.claimedName = claimedName;
    }

    @Override
    public AuthMethod method() {
        return AuthMethod.CLAIMTOBE;
    }

    @Override
    public MethodStep start() {
        return MethodStep.send(new MessageWriter(false).putInt(1).putString(claimedName).toByteArray());
    }

    @Override
    public MethodStep receive(MessageReader message) throws CedarException {
        long answer = message.getLong();
        message.expectEnd();
        return answer == 1 ? MethodStep.succeeded(List.of())
                : MethodStep.failed(List.of(), "the server refused the claim " + claimedName);
    }
}
