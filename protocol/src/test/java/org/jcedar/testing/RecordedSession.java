package org.jcedar.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * An AES-GCM session recorded against real HTCondor with a known session key, from
 * {@code src/test/resources/vectors/aes-sessions/} (format in the README there).
 *
 * @param key                the 32-byte AES-256-GCM session key
 * @param packets            every packet in wire order
 * @param clientSentDigest   SHA-256 over the client's plaintext packets
 * @param serverSentDigest   SHA-256 over the server's plaintext packets
 */
public record RecordedSession(byte[] key, List<Packet> packets, byte[] clientSentDigest, byte[] serverSentDigest) {

    /**
     * One packet.
     *
     * @param fromClient whether the client sent it
     * @param wire       the packet as on the wire, header included
     * @param plaintext  its decryption when encrypted, else its body
     */
    public record Packet(boolean fromClient, boolean encrypted, byte[] wire, byte[] plaintext) {
        /** The first 16 body bytes: the sender's base IV, in the first encrypted packet of a direction. */
        public byte[] leadingIv() {
            return Arrays.copyOfRange(wire, 5, 21);
        }
    }

    public static final String APPENDIX_A = "10-appendix-a-claimtobe.txt";
    public static final String SECTION_18_2 = "20-18.2-fs-session-token.txt";

    /** Loads {@code aes-sessions/<file>}. */
    public static RecordedSession load(String file) {
        HexFormat hex = HexFormat.of();
        byte[] key = null;
        byte[] clientDigest = null;
        byte[] serverDigest = null;
        List<Packet> packets = new ArrayList<>();
        for (String line : new String(Captures.bytes("aes-sessions/" + file), StandardCharsets.UTF_8).lines().toList()) {
            String[] words = line.split(" ");
            switch (words[0]) {
                case "key" -> key = hex.parseHex(words[1]);
                case "client-sent-digest" -> clientDigest = hex.parseHex(words[1]);
                case "server-sent-digest" -> serverDigest = hex.parseHex(words[1]);
                case "C>S", "S>C" -> {
                    byte[] wire = hex.parseHex(words[2]);
                    packets.add(new Packet(words[0].equals("C>S"), words[1].equals("enc"), wire,
                            Arrays.copyOfRange(wire, 5, wire.length)));
                }
                case "plaintext" -> {
                    Packet encrypted = packets.remove(packets.size() - 1);
                    packets.add(new Packet(encrypted.fromClient(), true, encrypted.wire(), hex.parseHex(words[1])));
                }
                default -> {
                    if (!line.startsWith("#") && !line.isBlank()) {
                        throw new IllegalArgumentException("unexpected line in " + file + ": " + line);
                    }
                }
            }
        }
        return new RecordedSession(key, List.copyOf(packets), clientDigest, serverDigest);
    }
}
