package org.jcedar.cedar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AesGcmPacketCipherTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theCounterIsAddedToTheFirstFourBytesModulo2To32() {
        byte[] base = HEX.parseHex("fffffffe3c1495a15f78f20350615401");
        assertArrayEquals(HEX.parseHex("ffffffff3c1495a15f78f20350615401"), AesGcmPacketCipher.packetIv(base, 1));
        assertArrayEquals(HEX.parseHex("000000003c1495a15f78f20350615401"), AesGcmPacketCipher.packetIv(base, 2));
    }

    @Test
    void theLastCounterValueIsNeverUsed() throws CedarException {
        byte[] key = new byte[32];
        AesGcmPacketCipher sender = new AesGcmPacketCipher(key, new byte[16], 0xFFFFFFFE);
        byte[] body = sender.seal(new byte[5], new byte[] {1, 2, 3}, 0, 3);
        assertEquals(3 + AesGcmPacketCipher.TAG_LENGTH, body.length, "no IV after the first packet");
        assertThrows(IllegalStateException.class, () -> sender.seal(new byte[5], new byte[1], 0, 1));
    }

    @Test
    void aBodyTooShortForIvAndTagIsRejected() {
        AesGcmPacketCipher receiver = new AesGcmPacketCipher(new byte[32], new byte[16]);
        CedarException e = assertThrows(CedarException.class, () -> receiver.open(new byte[5], new byte[31], 0, 31, 99));
        assertEquals(99, e.offset());
    }

    @Test
    void anEmptyPlaintextIsAValidPacket() throws CedarException {
        byte[] key = new byte[32];
        byte[] body = new AesGcmPacketCipher(key, new byte[16]).seal(new byte[5], new byte[0], 0, 0);
        assertEquals(32, body.length);
        assertEquals(0, new AesGcmPacketCipher(key, new byte[16]).open(new byte[5], body, 0, 32, 0).length);
    }
}
