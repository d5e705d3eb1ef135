package org.jcedar.cedar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MessageCodecProperties {

    @Property
    void integersAndStringsRoundTripInBothModes(@ForAll long number, @ForAll("cedarStrings") String text,
                                                 @ForAll boolean encrypted) throws CedarException {
        byte[] payload = new MessageWriter(encrypted).putInt(number).putString(text).putNullString()
                .putString("").toByteArray();
        MessageReader reader = new MessageReader(payload, encrypted);
        assertEquals(number, reader.getLong());
        assertEquals(text, reader.getString());
        assertNull(reader.getNullableString());
        assertEquals("", reader.getString());
        reader.expectEnd();
    }

    @Property
    void doublesKeepAbout31BitsOfMantissa(@ForAll double value) throws CedarException {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return;
        }
        byte[] payload = new MessageWriter(false).putDouble(value).toByteArray();
        double decoded = new MessageReader(payload, false).getDouble();
        assertEquals(value, decoded, Math.abs(value) * 1e-9);
    }

    @Property
    void arbitraryBytesDecodeOrFailWithACheckedError(@ForAll byte[] payload, @ForAll boolean encrypted) {
        MessageReader reader = new MessageReader(payload, encrypted);
        try {
            while (reader.hasRemaining()) {
                int before = reader.position();
                switch (before % 4) {
                    case 0 -> reader.getString();
                    case 1 -> reader.getLong();
                    case 2 -> reader.getInt();
                    default -> reader.getDouble();
                }
            }
        } catch (CedarException expected) {
            // the only acceptable failure mode
        }
    }

    @Property
    void aTruncatedMessageIsRejectedWithItsOffset(@ForAll("cedarStrings") String text, @ForAll boolean encrypted) {
        byte[] full = new MessageWriter(encrypted).putString(text).toByteArray();
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 1);
        try {
            new MessageReader(cut, encrypted).getString();
            throw new AssertionError("a truncated string was accepted");
        } catch (CedarException e) {
            assertEquals(true, e.offset() >= 0 && e.offset() <= cut.length, e.getMessage());
        }
    }

    @Property
    void rawBytesRoundTrip(@ForAll byte[] bytes) throws CedarException {
        byte[] payload = new MessageWriter(false).putBytes(bytes).toByteArray();
        assertArrayEquals(bytes, new MessageReader(payload, false).getBytes(bytes.length));
    }

    @Provide
    Arbitrary<String> cedarStrings() {
        // Any text without NUL that does not start with HTCondor's null-string marker byte.
        return Arbitraries.strings().excludeChars('\0').ofMaxLength(200)
                .filter(s -> s.isEmpty() || (s.getBytes(java.nio.charset.StandardCharsets.UTF_8)[0] & 0xFF) != 0xAD);
    }
}
