package org.jcedar.cedar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jcedar.classad.CapturedClassAds;
import org.jcedar.classad.ClassAd;
import org.jcedar.classad.ClassAdArbitraries;
import org.jcedar.classad.Expr;

class ClassAdWireProperties {
    private static final List<byte[]> CAPTURED = CapturedClassAds.all().stream()
            .map(CapturedClassAds.CapturedAd::bytes).toList();

    @Property
    void writtenAdsReadBackInTheSameOrder(@ForAll("ads") ClassAd ad, @ForAll boolean encrypted) throws CedarException {
        MessageWriter writer = new MessageWriter(encrypted);
        ClassAdWire.write(writer, ad);
        MessageReader reader = new MessageReader(writer.toByteArray(), encrypted);
        ClassAd read = ClassAdWire.read(reader);
        reader.expectEnd();
        assertEquals(ad, read);
        assertEquals(ad.names(), read.names());
    }

    @Property
    void arbitraryBytesReadOrFailWithACedarException(@ForAll byte[] bytes, @ForAll boolean encrypted) {
        readOrReject(bytes, encrypted);
    }

    @Property
    void mutatedCapturedAdsReadOrFailWithACedarException(@ForAll("mutatedCaptures") byte[] bytes) {
        readOrReject(bytes, false);
    }

    private static void readOrReject(byte[] bytes, boolean encrypted) {
        try {
            ClassAdWire.read(new MessageReader(bytes, encrypted));
        } catch (CedarException expected) {
            assertEquals(true, expected.offset() >= 0 && expected.offset() <= bytes.length, expected.getMessage());
        }
    }

    @Provide
    Arbitrary<ClassAd> ads() {
        Arbitrary<String> names = ClassAdArbitraries.wireNames();
        Arbitrary<Expr> values = ClassAdArbitraries.printableExpressions();
        return Combinators.combine(names.list().ofMaxSize(8), values.list().ofSize(8)).as((n, v) -> {
            ClassAd.Builder builder = ClassAd.builder();
            for (int i = 0; i < n.size(); i++) {
                builder.set(n.get(i), v.get(i));
            }
            return builder.build();
        });
    }

    /** Captured ads with bytes flipped, inserted and cut off. */
    @Provide
    Arbitrary<byte[]> mutatedCaptures() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 4096);
        Arbitrary<Byte> replacement = Arbitraries.oneOf(Arbitraries.bytes(), Arbitraries.of((byte) 0, (byte) '=',
                (byte) 0xAD, (byte) 0xFF, (byte) 'Z', (byte) '"'));
        return Combinators.combine(Arbitraries.of(CAPTURED), position.list().ofMinSize(1).ofMaxSize(4),
                replacement.list().ofSize(4), position).as((original, at, with, cut) -> {
                    byte[] bytes = original.clone();
                    for (int i = 0; i < at.size(); i++) {
                        bytes[at.get(i) % bytes.length] = with.get(i);
                    }
                    return java.util.Arrays.copyOf(bytes, Math.min(bytes.length, cut));
                });
    }
}
