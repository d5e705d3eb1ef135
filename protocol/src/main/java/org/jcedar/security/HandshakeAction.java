package org.jcedar.security;

/**
 * What a handshake state machine asks its driver to do, in order. The machine encodes every message itself (it
 * knows whether encryption is on); the driver frames, sends, switches the cipher at exactly the point the machine
 * says, and closes the connection when told.
 */
public sealed interface HandshakeAction {

    /** Send one CEDAR message with this payload. */
    record Send(byte[] payload) implements HandshakeAction {
    }

    /** From here on, both directions are AES-256-GCM with this 32-byte key (20 §9.1). */
    record EnableEncryption(byte[] key) implements HandshakeAction {
    }

    /** Close the connection after the sends before this action; {@code reason} is for the log. */
    record Close(String reason) implements HandshakeAction {
    }
}
