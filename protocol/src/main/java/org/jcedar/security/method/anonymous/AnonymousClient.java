package org.jcedar.security.method.anonymous;

import java.util.List;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.MessageReader;
import org.jcedar.security.AuthMethod;
import org.jcedar.security.method.ClientAuthentication;
import org.jcedar.security.method.MethodStep;

/** Client half of ANONYMOUS (20 §7.5): the server says int 1 and that is all. */
public final class AnonymousClient implements ClientAuthentication {

    @Override
    public AuthMethod method() {
        return AuthMethod.ANONYMOUS;
    }

    @Override
    public MethodStep start() {
        return MethodStep.waiting();
    }

    @Override
    public MethodStep receive(MessageReader message) throws CedarException {
        long answer = message.getLong();
        message.expectEnd();
        return answer == 1 ? MethodStep.succeeded(List.of()) : MethodStep.failed(List.of(), "the server refused");
    }
}
