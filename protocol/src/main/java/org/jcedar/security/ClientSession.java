package org.jcedar.security;

import java.util.Optional;

/**
 * What a client knows once the server accepted its command: the server's session id, how the server mapped us
 * ({@code User}), the method and cipher in use, the server's version and the commands the session is valid for.
 * These are the facts condor_ping -verbose prints.
 */
public record ClientSession(String sessionId, String mappedUser, Optional<AuthMethod> method,
                            Optional<CryptoMethod> cipher, String serverVersion, String authMethodsList,
                            String validCommands, boolean encrypted) {
}
