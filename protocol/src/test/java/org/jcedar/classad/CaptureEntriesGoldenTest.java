package org.jcedar.classad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every ClassAd entry real HTCondor 23.9.6 and 25.14.1 sent in the captures parses and prints back to itself. */
class CaptureEntriesGoldenTest {

    static List<CapturedClassAds.CapturedAd> ads() {
        return CapturedClassAds.all();
    }

    @Test
    void theCapturesHoldTheExpectedAds() {
        // 46 ads per version, counted in the transcripts (see vectors/classad/README.md)
        assertEquals(92, ads().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ads")
    void everyEntryPrintsBackToTheSameText(CapturedClassAds.CapturedAd ad) throws ClassAdSyntaxException {
        for (String line : ad.entries()) {
            Map.Entry<String, Expr> entry = ClassAdParser.parseEntry(line);
            assertEquals(line, ClassAdPrinter.entry(entry.getKey(), entry.getValue()), ad.source());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ads")
    void theAdKeepsTheWireOrderAndSpelling(CapturedClassAds.CapturedAd ad) throws ClassAdSyntaxException {
        ClassAd parsed = ClassAdParser.parseLines(String.join("\n", ad.entries()));
        assertEquals(ad.entries().stream().map(line -> line.substring(0, line.indexOf(" = "))).toList(),
                parsed.names(), ad.source());
    }
}
