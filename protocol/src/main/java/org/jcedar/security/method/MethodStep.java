package org.jcedar.security.method;

import java.util.List;

/**
 * What one side of an authentication method does after a start or a received message: the messages to send now
 * (encoded payloads, in order; authentication messages are always plaintext) and whether the method has finished.
 */
public record MethodStep(List<byte[]> send, Outcome outcome, String failure) {

    /**
     * FAILED: both sides know and may try another method. ABORTED: this side failed where the protocol gives it
     * no way to tell the peer (a server after TOKEN's last message), so the connection has to end.
     */
    public enum Outcome { CONTINUE, SUCCEEDED, FAILED, ABORTED }

    public static MethodStep send(byte[] message) {
        return new MethodStep(List.of(message), Outcome.CONTINUE, null);
    }

    public static MethodStep waiting() {
        return new MethodStep(List.of(), Outcome.CONTINUE, null);
    }

    public static MethodStep succeeded(List<byte[]> send) {
        return new MethodStep(List.copyOf(send), Outcome.SUCCEEDED, null);
    }

    public static MethodStep failed(List<byte[]> send, String why) {
        return new MethodStep(List.copyOf(send), Outcome.FAILED, why);
    }

    public static MethodStep aborted(String why) {
        return new MethodStep(List.of(), Outcome.ABORTED, why);
    }

    public boolean finished() {
        return outcome != Outcome.CONTINUE;
    }
}
