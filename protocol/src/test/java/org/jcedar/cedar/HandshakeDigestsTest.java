package org.jcedar.cedar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class HandshakeDigestsTest {
    private static final byte[] HEADER = {1, 0, 0, 0, 42};

    @Test
    void nothingSentOrReceivedGivesZerosInTheFirstPacketAad() {
        byte[] aad = new HandshakeDigests().aadForSending(HEADER);
        byte[] expected = new byte[69];
        System.arraycopy(HEADER, 0, expected, 64, 5);
        assertArrayEquals(expected, aad);
    }

    @Test
    void theFirstAesPacketInEitherDirectionFreezesBothDigests() {
        HandshakeDigests digests = new HandshakeDigests();
        byte[] packet = {1, 0, 0, 0, 1, 9};
        digests.plaintextSent(packet, 0, packet.length);
        digests.plaintextReceived(packet, 0, packet.length);
        byte[] sent = digests.sentDigest();
        byte[] received = digests.receivedDigest();
        digests.aadForReceiving(HEADER);
        byte[] firstSend = digests.aadForSending(HEADER);
        assertArrayEquals(concat(sent, received, HEADER), firstSend);
        assertArrayEquals(HEADER, digests.aadForSending(HEADER), "later packets: the header only");
        assertArrayEquals(HEADER, digests.aadForReceiving(HEADER));
    }

    @Test
    void pastOneMebibyteSentTheSenderUsesThePlainHeader() {
        HandshakeDigests digests = new HandshakeDigests();
        byte[] packet = new byte[PacketHeader.SIZE + 4091];
        for (int sent = 0; sent <= (1 << 20); sent += 4091) {
            digests.plaintextSent(packet, 0, packet.length);
        }
        assertArrayEquals(HEADER, digests.aadForSending(HEADER));
    }

    @Test
    void pastOneMebibyteDeliveredReceivedPacketsAreNoLongerHashed() {
        HandshakeDigests digests = new HandshakeDigests();
        byte[] packet = {1, 0, 0, 0, 1, 9};
        digests.plaintextReceived(packet, 0, packet.length);
        digests.delivered(1 << 20);
        byte[] before = digests.receivedDigest();
        digests.plaintextReceived(packet, 0, packet.length);
        assertArrayEquals(before, digests.receivedDigest());
    }

    private static byte[] concat(byte[] a, byte[] b, byte[] c) {
        byte[] out = new byte[a.length + b.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        System.arraycopy(c, 0, out, a.length + b.length, c.length);
        return out;
    }
}
