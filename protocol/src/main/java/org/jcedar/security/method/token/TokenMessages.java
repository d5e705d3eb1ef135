package org.jcedar.security.method.token;

import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.MessageReader;
import org.jcedar.cedar.MessageWriter;

/**
 * The three messages of the TOKEN method (30 §4.6), encoded and decoded in one place for both halves. Every
 * message starts with a status (0 OK, -1 error); names carry their length without the NUL; the error forms keep
 * the layout with empty fields.
 */
final class TokenMessages {
    static final int OK = 0;
    static final int ERROR = -1;
    /** The client reads names into 1024-byte buffers (AUTH_PW_MAX_NAME_LEN, NUL included). */
    static final int MAX_NAME_LENGTH = 1023;
    /** HTCondor accepts MAC lengths up to EVP_MAX_MD_SIZE. */
    static final int MAX_MAC_LENGTH = 64;

    record First(int status, String clientName, String signedText, byte[] ra) {
    }

    record Second(int status, String clientName, String serverName, byte[] ra, byte[] rb, byte[] proof) {
    }

    record Third(int status, String clientName, byte[] rb, byte[] proof) {
    }

    private TokenMessages() {
    }

    static byte[] first(First m) {
        MessageWriter out = new MessageWriter(false).putInt(m.status()).putInt(length(m.clientName()))
                .putString(m.clientName()).putString(m.signedText()).putInt(m.ra().length);
        return out.putBytes(m.ra()).toByteArray();
    }

    static First readFirst(MessageReader in) throws CedarException {
        int status = in.getInt();
        int nameLength = in.getInt();
        String name = name(in, nameLength);
        String text = in.getString();
        byte[] ra = challenge(in);
        in.expectEnd();
        return new First(status, name, text, ra);
    }

    static byte[] second(Second m) {
        MessageWriter out = new MessageWriter(false).putInt(m.status())
                .putInt(length(m.clientName())).putString(m.clientName())
                .putInt(length(m.serverName())).putString(m.serverName())
                .putInt(m.ra().length).putBytes(m.ra())
                .putInt(m.rb().length).putBytes(m.rb())
                .putInt(m.proof().length).putBytes(m.proof());
        return out.toByteArray();
    }

    static Second readSecond(MessageReader in) throws CedarException {
        int status = in.getInt();
        String client = name(in, in.getInt());
        String server = name(in, in.getInt());
        byte[] ra = challenge(in);
        byte[] rb = challenge(in);
        byte[] proof = mac(in);
        in.expectEnd();
        return new Second(status, client, server, ra, rb, proof);
    }

    static byte[] third(Third m) {
        return new MessageWriter(false).putInt(m.status()).putInt(length(m.clientName())).putString(m.clientName())
                .putInt(m.rb().length).putBytes(m.rb()).putInt(m.proof().length).putBytes(m.proof()).toByteArray();
    }

    static Third readThird(MessageReader in) throws CedarException {
        int status = in.getInt();
        String client = name(in, in.getInt());
        byte[] rb = challenge(in);
        byte[] proof = mac(in);
        in.expectEnd();
        return new Third(status, client, rb, proof);
    }

    private static int length(String name) {
        return name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private static String name(MessageReader in, int declaredLength) throws CedarException {
        int at = in.position();
        String name = in.getString();
        if (declaredLength < 0 || declaredLength > MAX_NAME_LENGTH || length(name) > MAX_NAME_LENGTH) {
            throw new CedarException("TOKEN name longer than " + MAX_NAME_LENGTH + " bytes", at);
        }
        return name;
    }

    private static byte[] challenge(MessageReader in) throws CedarException {
        int at = in.position();
        int length = in.getInt();
        if (length < 0 || length > TokenProof.CHALLENGE_LENGTH) {
            throw new CedarException("TOKEN challenge length " + length + " outside 0.." + TokenProof.CHALLENGE_LENGTH, at);
        }
        return in.getBytes(length);
    }

    private static byte[] mac(MessageReader in) throws CedarException {
        int at = in.position();
        int length = in.getInt();
        if (length < 0 || length > MAX_MAC_LENGTH) {
            throw new CedarException("TOKEN MAC length " + length + " outside 0.." + MAX_MAC_LENGTH, at);
        }
        return in.getBytes(length);
    }
}
