package org.jcedar.classad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our parser's API: entry splitting, line files, and what a syntax error says. */
class ClassAdParserTest {

    @Test
    void anEntryIsSplitAtTheFirstEqualsSign() throws ClassAdSyntaxException {
        Map.Entry<String, Expr> entry = ClassAdParser.parseEntry(" \tRequirements  =  a == \"x=y\"");
        assertEquals("Requirements", entry.getKey());
        assertEquals("a == \"x=y\"", ClassAdPrinter.print(entry.getValue()));
        assertEquals("odd name", ClassAdParser.parseEntry("odd name = 1").getKey());
    }

    @Test
    void anEntryNeedsANameAndAnEqualsSign() {
        ClassAdSyntaxException noEquals = assertThrows(ClassAdSyntaxException.class,
                () -> ClassAdParser.parseEntry("Name \"vm\""));
        assertTrue(noEquals.getMessage().contains("'='"), noEquals.getMessage());
        assertEquals(1, assertThrows(ClassAdSyntaxException.class, () -> ClassAdParser.parseEntry(" = 1")).position());
    }

    @Test
    void aSyntaxErrorSaysWhatWasExpectedAndWhere() {
        ClassAdSyntaxException e = assertThrows(ClassAdSyntaxException.class,
                () -> ClassAdParser.parseEntry("X = f(1, 2"));
        assertEquals(10, e.position());
        assertTrue(e.getMessage().contains("expected ',' or ')'") && e.getMessage().contains("end of input"),
                e.getMessage());
        ClassAdSyntaxException badToken = assertThrows(ClassAdSyntaxException.class,
                () -> ClassAdParser.parseExpression("(a + 017)"));
        assertEquals(5, badToken.position());
        assertTrue(badToken.getMessage().contains("invalid token"), badToken.getMessage());
    }

    @Test
    void onlyACompleteExpressionRefusesTrailingText() throws ClassAdSyntaxException {
        assertEquals(Expr.literal(1), ClassAdParser.parseExpression("1 2"));
        ClassAdSyntaxException e = assertThrows(ClassAdSyntaxException.class,
                () -> ClassAdParser.parseCompleteExpression("1 2"));
        assertEquals(2, e.position());
        assertEquals(Expr.literal(1), ClassAdParser.parseCompleteExpression(" 1 // comment"));
    }

    @Test
    void linesSkipBlanksAndCommentsAndNameTheLineOfAnError() throws ClassAdSyntaxException {
        ClassAd ad = ClassAdParser.parseLines("# daemon ad\r\nA = 1\r\n\r\n   \nB = \"two\"\nA = 3\n");
        assertEquals(List.of("A", "B"), ad.names());
        assertEquals(Value.of(3), ad.evaluate("A"));
        ClassAdSyntaxException e = assertThrows(ClassAdSyntaxException.class,
                () -> ClassAdParser.parseLines("A = 1\n\nB = (\nC = 2"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("line 3: "), e.getMessage());
    }

    @Test
    void nestingDeeperThanHtcondorAllowsIsASyntaxError() throws ClassAdSyntaxException {
        String deep = "(".repeat(10_000) + "1" + ")".repeat(10_000);
        ClassAdSyntaxException e = assertThrows(ClassAdSyntaxException.class, () -> ClassAdParser.parseExpression(deep));
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
        String allowed = "(".repeat(150) + "1" + ")".repeat(150);
        assertEquals(allowed, ClassAdPrinter.print(ClassAdParser.parseExpression(allowed)));
    }
}
