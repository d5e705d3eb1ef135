package org.jcedar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * References in values: $(NAME), $(NAME:default), $ENV(...), $(DOLLAR), self references, rescanning of substituted
 * text, and the errors for references that never stop expanding (on which HTCondor loops forever).
 */
class MacroExpansionTest {
    @TempDir
    Path dir;

    private CondorConfig load(String text) throws ConfigException {
        return ConfigFixture.loadText(dir, text);
    }

    @Test
    void referencesExpandAtLookUpWithTheFinalValues() throws Exception {
        CondorConfig c = load("B = $(A)/x\nA = first\nA = second\n");
        assertEquals("second/x", c.get("B").orElseThrow());
    }

    @Test
    void namesAreCaseInsensitiveAndKeepTheirFirstSpelling() throws Exception {
        CondorConfig c = load("MixedCase = 1\nMIXEDCASE = 2\nRef = $(mixedcase)\n");
        assertEquals("2", c.get("mixedCASE").orElseThrow());
        assertEquals("2", c.get("Ref").orElseThrow());
        assertTrue(c.configuredNames().contains("MixedCase"));
    }

    @Test
    void defaultAfterColonIsUsedWhenUndefinedOrEmpty() throws Exception {
        CondorConfig c = load("E =\nA = $(UNDEF:fallback value)\nB = $(E:used)\nC = $(SET:unused)\nSET = set\n"
                + "D = $(UNDEF:$(SET))\n");
        assertEquals("fallback value", c.get("A").orElseThrow());
        assertEquals("used", c.get("B").orElseThrow());
        assertEquals("set", c.get("C").orElseThrow());
        assertEquals("set", c.get("D").orElseThrow());
    }

    @Test
    void undefinedReferenceExpandsToNothing() throws Exception {
        assertEquals("[]", load("A = [$(NOT_DEFINED)]\n").get("A").orElseThrow());
    }

    @Test
    void bodyWithOtherCharactersIsNotAReference() throws Exception {
        // A '-' is not allowed in a name or a default: the text stays as it is.
        CondorConfig c = load("A = $(FOO-BAR) $(X:a-b)\n");
        assertEquals("$(FOO-BAR) $(X:a-b)", c.get("A").orElseThrow());
    }

    @Test
    void dollarMacroBecomesADollarAfterEverythingElse() throws Exception {
        CondorConfig c = load("H = $(DOLLAR)(NOTEXP) costs $(dollar)5\nNOTEXP = never\n");
        assertEquals("$(NOTEXP) costs $5", c.get("H").orElseThrow());
    }

    @Test
    void substitutedTextIsScannedAgain() throws Exception {
        CondorConfig c = load("PREFIX = MY\nNested = $(Outer_$(PREFIX))\nOuter_MY = resolved late\n");
        assertEquals("resolved late", c.get("Nested").orElseThrow());
    }

    @Test
    void environmentVariables() throws Exception {
        CondorConfig c = new ConfigFixture(dir)
                .config("A = $ENV(HOME)\nB = $ENV(NOPE)\nC = $ENV(NOPE:dflt)\nD = $ENV(EMPTY:dflt)\n")
                .env("HOME", "/home/alice").env("EMPTY", "").load();
        assertEquals("/home/alice", c.get("A").orElseThrow());
        assertEquals("UNDEFINED", c.get("B").orElseThrow());
        assertEquals("dflt", c.get("C").orElseThrow());
        assertEquals(Optional.empty(), c.get("D"));
    }

    @Test
    void selfReferenceTakesThePreviousValue() throws Exception {
        CondorConfig c = load("A = $(A)\nB = x$(B)y\nG = start\nG = $(G) middle\nG = $(G:unused) end\n");
        assertEquals(Optional.empty(), c.get("A"));
        assertEquals("xy", c.get("B").orElseThrow());
        assertEquals("start middle end", c.get("G").orElseThrow());
    }

    @Test
    void selfReferenceTakesTheBuiltInDefault() throws Exception {
        CondorConfig c = load("SEC_TOKEN_ISSUER_KEY = $(SEC_TOKEN_ISSUER_KEY) EXTRA\n");
        assertEquals("POOL EXTRA", c.get("SEC_TOKEN_ISSUER_KEY").orElseThrow());
    }

    @Test
    void subsystemPrefixedSelfReferenceTakesTheUnprefixedValue() throws Exception {
        CondorConfig c = new ConfigFixture(dir).subsystem("SCHEDD")
                .config("SelfPrefixed = plain\nSCHEDD.SelfPrefixed = $(SelfPrefixed) schedd\n").load();
        assertEquals("plain schedd", c.get("SelfPrefixed").orElseThrow());
    }

    @Test
    void knobsReferringToEachOtherAreAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("C1 = $(C2)\nC2 = $(C1)\n"));
        assertTrue(e.getMessage().contains("does not terminate"), e.getMessage());
        assertEquals(1, e.line());
    }

    @Test
    void growingExpansionIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("X1 = a$(X2)\nX2 = b$(X1)\n"));
        assertTrue(e.getMessage().contains("X1"), e.getMessage());
    }

    @Test
    void exponentialExpansionStopsWithAnErrorQuickly() {
        StringBuilder text = new StringBuilder("K0 = 0123456789abcdef\n");
        for (int i = 1; i <= 40; i++) {
            text.append("K").append(i).append(" = $(K").append(i - 1).append(")$(K").append(i - 1).append(")\n");
        }
        ConfigException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ConfigException.class, () -> load(text.toString())));
        assertTrue(e.getMessage().startsWith(dir.resolve("condor_config").toString()), e.getMessage());
    }

    @Test
    void newKnobFromTheEnvironmentReferringToItselfIsAnError() {
        // HTCondor keeps a new environment knob raw, so $(X) inside it loops forever.
        assertThrows(ConfigException.class, () -> new ConfigFixture(dir).config("A = 1\n")
                .env("_CONDOR_NEWKNOB", "$(NEWKNOB)x").load());
    }

    @Test
    void functionWhoseArgumentRefersBackToItIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("X = $SUBSTR(X,0)\n"));
        assertTrue(e.getMessage().contains("nests"), e.getMessage());
    }
}
