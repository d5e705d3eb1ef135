package org.jcedar.classad;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionTest {

    @Test
    void listedAttributesThatExistAreKeptSortedCaseInsensitively() throws ClassAdSyntaxException {
        ClassAd ad = ClassAdParser.parseLines("Name = \"vm\"\nMachine = \"host\"\n_condor_priv = 1\nb = 2");
        assertEquals(List.of("_condor_priv", "b", "machine", "Name"),
                List.copyOf(Projection.expand(ad, List.of("Name", "machine", "NoSuch", "b", "NAME", "_condor_priv"))));
    }

    @Test
    void referencesInsideTheAdAreAddedTransitively() throws ClassAdSyntaxException {
        ClassAd ad = ClassAdParser.parseLines(String.join("\n",
                "A = b + C", "B = MY.d", "C = 1", "D = TARGET.E + .f", "E = 1", "F = 2", "G = 3"));
        assertEquals(List.of("A", "b", "C", "d", "f"), List.copyOf(Projection.expand(ad, List.of("A"))));
    }

    @Test
    void aCircularReferenceStopsTheExpansionOfThatAttribute() throws ClassAdSyntaxException {
        ClassAd ad = ClassAdParser.parseLines("A = B + C\nB = B + 1\nC = 1\nD = C");
        assertEquals(List.of("A", "B"), List.copyOf(Projection.expand(ad, List.of("A"))));
        assertEquals(List.of("A", "B", "C", "D"), List.copyOf(Projection.expand(ad, List.of("A", "D"))));
    }
}
