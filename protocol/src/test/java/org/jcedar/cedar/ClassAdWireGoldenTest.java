package org.jcedar.cedar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.jcedar.classad.CapturedClassAds;
import org.jcedar.classad.ClassAd;
import org.jcedar.classad.ClassAdPrinter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ClassAd in the plaintext captures of real HTCondor 23.9.6 and 25.14.1, taken byte for byte from the
 * direction files at the offsets transcript.json gives, is read by ClassAdWire and written back to the
 * same bytes.
 */
class ClassAdWireGoldenTest {

    static List<CapturedClassAds.CapturedAd> ads() {
        return CapturedClassAds.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ads")
    void readsAndWritesBackTheSameBytes(CapturedClassAds.CapturedAd captured) throws CedarException {
        MessageReader reader = new MessageReader(captured.bytes(), false);
        ClassAd ad = ClassAdWire.read(reader);
        reader.expectEnd();
        assertEquals(captured.entries(), ad.entries().stream()
                .map(entry -> ClassAdPrinter.entry(entry.getKey(), entry.getValue()))
                .collect(Collectors.toList()));

        MessageWriter writer = new MessageWriter(false);
        ClassAdWire.write(writer, ad);
        assertArrayEquals(captured.bytes(), writer.toByteArray(), captured.source());
    }
}
