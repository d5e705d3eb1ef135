package org.jcedar.classad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClassAdTest {

    @Test
    void namesAreCaseInsensitiveAndKeepTheirSpellingAndOrder() {
        ClassAd ad = ClassAd.builder().set("Name", "vm").set("TokenLifetime", 600).set("Enact", true).build();
        assertEquals(List.of("Name", "TokenLifetime", "Enact"), ad.names());
        assertTrue(ad.contains("NAME"));
        assertEquals(Optional.of(Expr.literal("vm")), ad.lookup("name"));
        assertEquals(Optional.of("vm"), ad.getString("nAmE"));
        assertEquals(Optional.of(600L), ad.getInteger("tokenlifetime"));
        assertEquals(Optional.of(true), ad.getBoolean("ENACT"));
    }

    @Test
    void settingANameAgainKeepsItsPlaceAndFirstSpelling() {
        ClassAd ad = ClassAd.builder().set("a", 1).set("B", 2).set("c", 3).set("b", "two").build();
        assertEquals(List.of("a", "B", "c"), ad.names());
        assertEquals(Optional.of("two"), ad.getString("B"));
        assertEquals(List.of("a", "B", "c"), ad.with("A", 10).names());
        assertEquals(Optional.of(10L), ad.with("A", 10).getInteger("a"));
    }

    @Test
    void withAndWithoutLeaveTheOriginalUnchanged() {
        ClassAd ad = ClassAd.empty().with("x", "1").with("y", 2L).with("z", false);
        ClassAd smaller = ad.without("Y");
        assertEquals(List.of("x", "z"), smaller.names());
        assertEquals(3, ad.size());
        assertSame(smaller, smaller.without("absent"));
        assertEquals(ad, ad.toBuilder().build());
    }

    @Test
    void typedGettersAreEmptyForOtherTypesAndAbsentNames() throws ClassAdSyntaxException {
        ClassAd ad = ClassAdParser.parseLines("S = \"text\"\nI = 1 + 2\nR = 2.5\nB = I > 2\nU = NoSuch");
        assertEquals(Optional.of(3L), ad.getInteger("I"));
        assertEquals(Optional.of(true), ad.getBoolean("B"));
        assertEquals(Optional.empty(), ad.getInteger("S"));
        assertEquals(Optional.empty(), ad.getString("R"));
        assertEquals(Optional.empty(), ad.getBoolean("I"));
        assertEquals(Optional.empty(), ad.getString("U"));
        assertEquals(Optional.empty(), ad.getString("Absent"));
        assertEquals(Value.UNDEFINED, ad.evaluate("Absent"));
        assertEquals(Value.of(2.5), ad.evaluate("r"));
    }

    @Test
    void equalityIgnoresOrderButNotSpellingOrValues() {
        ClassAd ab = ClassAd.builder().set("a", 1).set("b", 2).build();
        ClassAd ba = ClassAd.builder().set("b", 2).set("a", 1).build();
        assertEquals(ab, ba);
        assertEquals(ab.hashCode(), ba.hashCode());
        assertNotEquals(ab, ClassAd.builder().set("A", 1).set("b", 2).build());
        assertNotEquals(ab, ClassAd.builder().set("a", 1).set("b", 3).build());
        assertNotEquals(ab, ab.without("b"));
    }

    @Test
    void anEmptyNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClassAd.builder().set("", 1));
        assertFalse(ClassAd.empty().contains(""));
    }
}
