package org.jcedar.cedar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jcedar.testing.AllocationMeter;

class CedarConnectionProperties {
    /** Generous fixed allowance for JDK cipher objects and small buffers; far below the 1 MiB a header can claim. */
    private static final long ALLOWANCE = 256 * 1024;

    @Property
    void arbitraryBytesEitherParseOrFailChecked(@ForAll @Size(max = 20_000) byte[] stream,
                                                @ForAll @IntRange(min = 1, max = 5000) int chunk,
                                                @ForAll boolean aes) {
        for (int run = 0; run < 2; run++) { // the first run loads classes, which counts as allocation
            CedarConnection receiver = new CedarConnection(64 * 1024);
            if (aes) {
                receiver.enableAesGcm(new byte[32]);
            }
            AllocationMeter meter = new AllocationMeter();
            feed(receiver, stream, chunk);
            assertTrue(run == 0 || meter.allocated() < 8L * stream.length + ALLOWANCE,
                    meter.allocated() + " bytes allocated");
        }
    }

    @Property
    void mutatedValidStreamsEitherParseOrFailChecked(@ForAll("messages") List<byte[]> messages,
                                                     @ForAll("mutations") List<Integer> mutations) {
        CedarConnection sender = new CedarConnection();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        messages.forEach(message -> out.writeBytes(sender.encodeMessage(message)));
        byte[] stream = out.toByteArray();
        if (stream.length == 0) {
            return;
        }
        for (int mutation : mutations) {
            stream[Math.floorMod(mutation >> 8, stream.length)] ^= (byte) (mutation | 1);
        }
        for (int run = 0; run < 2; run++) { // the first run loads classes, which counts as allocation
            AllocationMeter meter = new AllocationMeter();
            feed(new CedarConnection(), stream, 777);
            assertTrue(run == 0 || meter.allocated() < 8L * stream.length + ALLOWANCE,
                    meter.allocated() + " bytes allocated");
        }
    }

    @Example
    void aHeaderAnnouncingOneMebibyteAllocatesNothingLikeIt() throws CedarException {
        byte[] header = {0, 0, 0x10, 0, 0};
        for (int run = 0; run < 2; run++) {
            CedarConnection receiver = new CedarConnection();
            AllocationMeter meter = new AllocationMeter();
            receiver.receive(header, 0, header.length);
            assertNull(receiver.nextMessage());
            receiver.receive(new byte[100], 0, 100);
            assertNull(receiver.nextMessage());
            assertTrue(run == 0 || meter.allocated() < 16 * 1024, meter.allocated() + " bytes allocated");
        }
    }

    @Property
    void aesRoundTripsBetweenClientAndServerWithArbitrarySplits(@ForAll("messages") List<byte[]> toServer,
                                                               @ForAll("messages") List<byte[]> toClient,
                                                               @ForAll @IntRange(min = 1, max = 3000) int chunk)
            throws CedarException {
        CedarConnection client = new CedarConnection();
        CedarConnection server = new CedarConnection();
        handshake(client, server);
        assertArrayEquals(toServer.toArray(), deliver(client, server, toServer, chunk).toArray());
        assertArrayEquals(toClient.toArray(), deliver(server, client, toClient, chunk).toArray());
    }

    @Property
    void aTamperedByteAnywhereMakesTheAesReceiverFail(@ForAll("messages") List<byte[]> messages,
                                                     @ForAll @IntRange(min = 0) int position,
                                                     @ForAll @IntRange(min = 1, max = 255) int flip) {
        CedarConnection client = new CedarConnection();
        CedarConnection server = new CedarConnection();
        byte[] hello = handshake(client, server);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        messages.forEach(message -> out.writeBytes(client.encodeMessage(message)));
        byte[] stream = out.toByteArray();
        if (stream.length == 0) {
            return;
        }
        stream[position % stream.length] ^= (byte) flip;
        server.receive(stream, 0, stream.length);
        try {
            for (byte[] message = server.nextMessage(); message != null; message = server.nextMessage()) {
                // drain
            }
            // A length grown by the flip leaves the receiver waiting: end of stream then cuts a message.
            assertTrue(!server.atMessageBoundary(), "tampering at " + (position % stream.length) + " went unnoticed");
        } catch (CedarException expected) {
            assertTrue(expected.offset() >= hello.length && expected.offset() <= hello.length + stream.length);
        }
    }

    /** Plaintext exchange, then AES on both sides; returns what the client sent in plaintext. */
    private static byte[] handshake(CedarConnection client, CedarConnection server) {
        byte[] hello = client.encodeMessage(new MessageWriter(false).putInt(60010).putString("x").toByteArray());
        server.receive(hello, 0, hello.length);
        byte[] answer = server.encodeMessage(new MessageWriter(false).putInt(1).toByteArray());
        client.receive(answer, 0, answer.length);
        try {
            assertTrue(server.nextMessage() != null && client.nextMessage() != null);
        } catch (CedarException e) {
            throw new AssertionError(e);
        }
        byte[] key = new byte[32];
        key[0] = 7;
        client.enableAesGcm(key);
        server.enableAesGcm(key);
        return hello;
    }

    private static List<byte[]> deliver(CedarConnection sender, CedarConnection receiver, List<byte[]> messages,
                                        int chunk) throws CedarException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        messages.forEach(message -> out.writeBytes(sender.encodeMessage(message)));
        byte[] stream = out.toByteArray();
        List<byte[]> delivered = new ArrayList<>();
        for (int offset = 0; offset < stream.length; offset += chunk) {
            receiver.receive(stream, offset, Math.min(chunk, stream.length - offset));
            for (byte[] message = receiver.nextMessage(); message != null; message = receiver.nextMessage()) {
                delivered.add(message);
            }
        }
        assertTrue(receiver.atMessageBoundary());
        return delivered;
    }

    /** Feeds a stream in chunks and parses after each; only CedarException may come out, and no endless loop. */
    private static void feed(CedarConnection receiver, byte[] stream, int chunk) {
        try {
            for (int offset = 0; offset < stream.length; offset += chunk) {
                receiver.receive(stream, offset, Math.min(chunk, stream.length - offset));
                int guard = 0;
                while (receiver.nextMessage() != null) {
                    assertTrue(++guard <= stream.length, "more messages than bytes");
                }
            }
        } catch (CedarException expected) {
            assertTrue(expected.offset() >= 0 && expected.offset() <= stream.length, expected.getMessage());
        }
    }

    @Provide
    Arbitrary<List<byte[]>> messages() {
        Arbitrary<byte[]> small = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300);
        Arbitrary<byte[]> large = Arbitraries.bytes().array(byte[].class).ofMinSize(4000).ofMaxSize(9000);
        return Arbitraries.frequencyOf(Tuple.of(5, small), Tuple.of(1, large)).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Integer>> mutations() {
        return Arbitraries.integers().list().ofMinSize(1).ofMaxSize(4);
    }
}
