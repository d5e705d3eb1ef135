package org.jcedar.classad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ClassAdProperties {
    private static final List<String> SEEDS = ClassAdArbitraries.seedTexts();

    @Property
    void printedExpressionsReadBackAsThemselves(@ForAll("printable") Expr expr) throws ClassAdSyntaxException {
        String printed = ClassAdPrinter.print(expr);
        assertEquals(expr, ClassAdParser.parseExpression(printed), printed);
        assertEquals(expr, ClassAdParser.parseCompleteExpression(printed), printed);
    }

    @Property
    void printingIsStable(@ForAll("printable") Expr expr) throws ClassAdSyntaxException {
        String printed = ClassAdPrinter.print(expr);
        assertEquals(printed, ClassAdPrinter.print(ClassAdParser.parseExpression(printed)));
    }

    @Property
    void entriesReadBackAsTheirNameAndValue(@ForAll("wireNames") String name, @ForAll("printable") Expr value)
            throws ClassAdSyntaxException {
        Map.Entry<String, Expr> entry = ClassAdParser.parseEntry(ClassAdPrinter.entry(name, value));
        assertEquals(name, entry.getKey());
        assertEquals(value, entry.getValue());
    }

    /**
     * Whatever text parses, printing and reading back settles after two rounds: HTCondor's printed text
     * reads back as the same expression except in a few cases that the second round resolves.
     */
    @Property
    void printingWhatParsedSettles(@ForAll("mutated") String text) {
        try {
            String once = ClassAdPrinter.print(ClassAdParser.parseExpression(text));
            String twice = ClassAdPrinter.print(ClassAdParser.parseExpression(once));
            assertEquals(twice, ClassAdPrinter.print(ClassAdParser.parseExpression(twice)), text);
        } catch (ClassAdSyntaxException rejected) {
            // not an expression: covered by the next properties
        }
    }

    @Property
    void arbitraryTextParsesOrFailsWithASyntaxError(@ForAll String text) {
        parseEveryWay(text);
    }

    @Property
    void mutatedTextParsesOrFailsWithASyntaxError(@ForAll("mutated") String text) {
        parseEveryWay(text);
    }

    @Property(tries = 100)
    void deeplyNestedTextIsRejectedNotOverflowed(@ForAll("nesting") String open) {
        parseEveryWay(open + "1");
    }

    /** Each parser entry point returns or throws ClassAdSyntaxException; anything else fails the property. */
    private static void parseEveryWay(String text) {
        try {
            assertNotNull(ClassAdParser.parseExpression(text));
        } catch (ClassAdSyntaxException expected) {
            assertNotNull(expected.getMessage());
        }
        try {
            assertNotNull(ClassAdParser.parseCompleteExpression(text));
        } catch (ClassAdSyntaxException expected) {
            assertNotNull(expected.getMessage());
        }
        try {
            assertNotNull(ClassAdParser.parseEntry(text));
        } catch (ClassAdSyntaxException expected) {
            assertNotNull(expected.getMessage());
        }
        try {
            assertNotNull(ClassAdParser.parseLines(text + "\nA = " + text));
        } catch (ClassAdSyntaxException expected) {
            assertNotNull(expected.getMessage());
        }
    }

    @Property(tries = 500) // three generated trees per try make this the slowest property
    void evaluationIsTotal(@ForAll("anyExpressions") Expr expr, @ForAll("ads") ClassAd my,
                           @ForAll("ads") ClassAd target) {
        assertNotNull(Evaluator.evaluate(expr, my, null));
        assertNotNull(Evaluator.evaluate(expr, my, target));
        Evaluator.matches(expr, my, target);
        for (String name : my.names()) {
            assertNotNull(my.evaluate(name));
        }
    }

    @Property(tries = 200)
    void evaluationOfParsedTextIsTotal(@ForAll("mutated") String text, @ForAll("ads") ClassAd my) {
        try {
            Expr expr = ClassAdParser.parseExpression(text);
            assertNotNull(Evaluator.evaluate(expr, my, OracleCorpus.targetAd()));
            assertNotNull(Evaluator.evaluate(expr, my.with("Self", expr), null));
        } catch (ClassAdSyntaxException rejected) {
            // nothing to evaluate
        }
    }

    @Provide
    Arbitrary<Expr> printable() {
        return ClassAdArbitraries.printableExpressions();
    }

    @Provide
    Arbitrary<Expr> anyExpressions() {
        return ClassAdArbitraries.anyExpressions();
    }

    @Provide
    Arbitrary<ClassAd> ads() {
        return ClassAdArbitraries.ads(ClassAdArbitraries.anyExpressions());
    }

    @Provide
    Arbitrary<String> mutated() {
        return ClassAdArbitraries.mutatedText(SEEDS);
    }

    @Provide
    Arbitrary<String> wireNames() {
        return ClassAdArbitraries.wireNames();
    }

    @Provide
    Arbitrary<String> nesting() {
        return Arbitraries.of("(", "[a=", "{", "-", "!", "f(", "a ?: ", "x[").list().ofMinSize(400).ofMaxSize(700)
                .map(parts -> String.join("", parts));
    }
}
