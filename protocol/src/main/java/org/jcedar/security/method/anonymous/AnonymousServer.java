package org.jcedar.security.method.anonymous;

import java.util.List;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.MessageReader;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.security.AuthMethod;
import org.jcedar.security.method.AuthenticatedPeer;
import org.jcedar.security.method.MethodStep;
import org.jcedar.security.method.ServerAuthentication;

/** Server half of ANONYMOUS: everyone is {@code CONDOR_ANONYMOUS_USER}, with no domain (20 §7.5). */
public final class AnonymousServer implements ServerAuthentication {
    public static final String ANONYMOUS_USER = "CONDOR_ANONYMOUS_USER";

    @Override
    public AuthMethod method() {
        return AuthMethod.ANONYMOUS;
    }

    @Override
    public MethodStep start() {
        return MethodStep.succeeded(List.of(new MessageWriter(false).putInt(1).toByteArray()));
    }

    @Override
    public MethodStep receive(MessageReader message) throws CedarException {
        throw new CedarException("ANONYMOUS expects nothing from the client", message.position());
    }

    @Override
    public AuthenticatedPeer peer() {
        return AuthenticatedPeer.of(ANONYMOUS_USER, null, AuthMethod.ANONYMOUS);
    }
}
