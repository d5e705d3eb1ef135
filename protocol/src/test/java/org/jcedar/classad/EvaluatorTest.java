package org.jcedar.classad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evaluator's contract beyond the recorded HTCondor cases: the filter rule, scopes, the clock, limits. */
class EvaluatorTest {
    private static final ClassAd SCHEDD = ClassAd.builder().set("Name", "vm").set("MyType", "Scheduler").build();

    private static Expr parse(String text) throws ClassAdSyntaxException {
        return ClassAdParser.parseExpression(text);
    }

    @Test
    void onlyTrueAndNonZeroNumbersMatch() throws ClassAdSyntaxException {
        for (String matching : List.of("true", "1", "-3", "2.5", "Name == \"VM\"")) {
            assertTrue(Evaluator.matches(parse(matching), SCHEDD, null), matching);
        }
        for (String failing : List.of("false", "0", "0.0", "\"yes\"", "undefined", "error", "{ 1 }", "NoSuch == 1")) {
            assertFalse(Evaluator.matches(parse(failing), SCHEDD, null), failing);
        }
    }

    @Test
    void aQueryHasNoTargetButAnInvalidationUsesTheStoredAdAsTarget() throws ClassAdSyntaxException {
        ClassAd query = ClassAd.builder().set("Requirements", parse("TARGET.Name == \"vm\"")).build();
        Expr requirements = query.lookup("Requirements").orElseThrow();
        assertFalse(Evaluator.matches(requirements, SCHEDD, null), "collector query: stored ad is MY, no target");
        assertTrue(Evaluator.matches(parse("MY.Name == \"vm\""), SCHEDD, null));
        assertTrue(Evaluator.matches(requirements, query, SCHEDD), "invalidation: query is MY, stored ad TARGET");
    }

    @Test
    void timeAndCurrentTimeReadTheGivenClock() throws ClassAdSyntaxException {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_795_822_838L), ZoneOffset.UTC);
        assertEquals(Value.of(1_795_822_838L), Evaluator.evaluate(parse("time()"), ClassAd.empty(), null, clock));
        assertEquals(Value.of(1_795_822_848L),
                Evaluator.evaluate(parse("CurrentTime + 10"), ClassAd.empty(), null, clock));
        long now = System.currentTimeMillis() / 1000;
        Value systemTime = Evaluator.evaluate(parse("time()"), ClassAd.empty(), null);
        assertTrue(systemTime instanceof Value.IntegerValue t && Math.abs(t.value() - now) <= 5, systemTime.toString());
    }

    @Test
    void aChainDeeperThanHtcondorsLimitIsAnError() throws ClassAdSyntaxException {
        ClassAd.Builder chain = ClassAd.builder().set("A500", 1);
        for (int i = 0; i < 500; i++) {
            chain.set("A" + i, parse("A" + (i + 1) + " + 1"));
        }
        ClassAd ad = chain.build();
        assertEquals(Value.of(101L), ad.evaluate("A400"));
        assertEquals(Value.ERROR, ad.evaluate("A0"));
    }

    @Test
    void exponentialWorkIsCutOff() throws ClassAdSyntaxException {
        ClassAd.Builder doubling = ClassAd.builder().set("A60", 1);
        for (int i = 0; i < 60; i++) {
            doubling.set("A" + i, parse("A" + (i + 1) + " + A" + (i + 1)));
        }
        ClassAd ad = doubling.build();
        assertEquals(Value.of(1L << 10), ad.evaluate("A50"));
        assertEquals(Value.ERROR, assertTimeoutPreemptively(Duration.ofSeconds(30), () -> ad.evaluate("A0")));
    }

    @Test
    void catastrophicBacktrackingEndsInError() throws ClassAdSyntaxException {
        // polynomial of degree 25 for a backtracking engine: seconds without the budget
        Expr pathological = parse("regexp(\"(.*a){25}\", \"" + "a".repeat(24) + "b\")");
        assertEquals(Value.ERROR, assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> Evaluator.evaluate(pathological, ClassAd.empty(), null)));
    }

    @Test
    void stringsCannotGrowWithoutBound() throws ClassAdSyntaxException {
        ClassAd ad = ClassAd.builder().set("T", "x".repeat(1_000_000))
                .set("Twice", parse("strcat(T, T)"))
                .set("Eleven", parse("strcat(T, T, T, T, T, T, T, T, T, T, T)"))
                .build();
        assertEquals(Value.of(2_000_000L), Evaluator.evaluate(parse("size(Twice)"), ad, null));
        assertEquals(Value.ERROR, ad.evaluate("Eleven"));
    }

    @Test
    void attributesOfNestedAdsSeeTheEnclosingAd() throws ClassAdSyntaxException {
        ClassAd ad = ClassAdParser.parseLines("Int = 5\nInner = [ a = Int + 1; Int = 7; b = PARENT.Int ]");
        assertEquals(Value.of(8L), Evaluator.evaluate(parse("Inner.a"), ad, null));
        assertEquals(Value.of(5L), Evaluator.evaluate(parse("Inner.b"), ad, null));
        assertEquals(Value.of(5L), Evaluator.evaluate(parse("[ x = 1 ].Int"), ad, null));
    }
}
