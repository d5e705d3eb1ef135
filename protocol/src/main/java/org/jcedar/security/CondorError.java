package org.jcedar.security;

/**
 * One entry of HTCondor's error stack: the subsystem, the numeric code and the message. Tools print a stack as
 * {@code SUBSYS:code:message} entries joined by {@code |}, e.g. {@code SECMAN:2010:Received "DENIED" ...}.
 */
public record CondorError(String subsystem, int code, String message) {

    // Codes from HTCondor's condor_error_codes.h that jcedar reports (20 §11.6).
    public static final int AUTHENTICATE_HANDSHAKE_FAILED = 1002;
    public static final int AUTHENTICATE_OUT_OF_METHODS = 1003;
    public static final int AUTHENTICATE_METHOD_FAILED = 1004;
    public static final int AUTHENTICATE_KEY_EXCHANGE_FAILED = 1005;
    public static final int SECMAN_INVALID_POLICY = 2002;
    public static final int SECMAN_ATTRIBUTE_MISSING = 2005;
    public static final int SECMAN_NO_KEY = 2006;
    public static final int SECMAN_COMMUNICATION = 2007;
    public static final int SECMAN_AUTHORIZATION_FAILED = 2010;
    public static final int SECMAN_COMMAND_NOT_REGISTERED = 2011;

    public static CondorError secman(int code, String message) {
        return new CondorError("SECMAN", code, message);
    }

    public static CondorError authenticate(int code, String message) {
        return new CondorError("AUTHENTICATE", code, message);
    }

    @Override
    public String toString() {
        return subsystem + ":" + code + ":" + message;
    }
}
