package org.jcedar.command;

import java.util.Optional;
import org.jcedar.classad.ClassAd;

/**
 * DC_GET_SESSION_TOKEN's reply ad (30 §3.4): {@code Token} on success, else {@code ErrorString} and
 * {@code ErrorCode}. The client reads a missing or zero code as -1, as HTCondor's does.
 */
public record SessionTokenReply(Optional<String> token, int errorCode, String errorString) {

    public static SessionTokenReply success(String token) {
        return new SessionTokenReply(Optional.of(token), 0, "");
    }

    public static SessionTokenReply error(int code, String message) {
        return new SessionTokenReply(Optional.empty(), code, message);
    }

    public boolean succeeded() {
        return token.isPresent();
    }

    public ClassAd toAd() {
        if (token.isPresent()) {
            return ClassAd.builder().set("Token", token.get()).build();
        }
        return ClassAd.builder().set("ErrorCode", errorCode).set("ErrorString", errorString).build();
    }

    public static SessionTokenReply fromAd(ClassAd ad) {
        Optional<String> error = ad.getString("ErrorString");
        if (error.isPresent()) {
            long code = ad.getInteger("ErrorCode").orElse(0L);
            return error(code == 0 ? -1 : (int) code, error.get());
        }
        Optional<String> token = ad.getString("Token");
        if (token.isEmpty()) {
            return error(1, "BUG!  Daemon::getSessionToken() received a malformed ad, containing no resulting token"
                    + " and no error message.");
        }
        return success(token.get());
    }
}
