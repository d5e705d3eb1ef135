package org.jcedar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Whatever the configuration text, reading it ends, in bounded time, with a configuration or a
 * {@link ConfigException} that names a file: never an unchecked exception or a hang. Knobs that refer to each
 * other in a cycle and include loops are caught.
 */
class ConfigTextProperties {
    private static final Duration BOUND = Duration.ofSeconds(20);

    /** Pieces that make up configuration text, so that generated text hits every construct. */
    private static final List<String> TOKENS = List.of(
            "A", "B", "C", "K0", "_x", ".", "/", " ", "  ", "\t", "\n", "\r\n", "=", ":", ":=", "@=", "@", "\\\n",
            "\\", "#", "# c\n", "$(", "$ENV(", "$INT(", "$SUBSTR(", "$CHOICE(", "$RANDOM_CHOICE(",
            "$RANDOM_INTEGER(", "$Fpnx(", "$BASENAME(", "$EVAL(", "$$(", "$", ")", "(", ",", "DOLLAR", "0", "1",
            "-5", "99999999999999999999", "\"", "'", "if ", "elif ", "else\n", "endif\n", "if version >= 23.0\n",
            "defined ", "true", "no", "!", "use ", "security:", "recommended_v9_0", "role:Submit,", "($(1))",
            "include : ", "include ifexist : ", "error : ", "warning : ", "[", "]", "#opt:strict\n",
            "#opt:oldcomment\n", "TOOL.", "AUTO_USE_ROLE_Submit = true\n", "LOCAL_CONFIG_FILE = ", "%d", "\u00e9");

    private final Path root = createTempDirectory();
    private int run;

    @AfterProperty
    void removeFiles() {
        deleteTree(root);
    }

    @Property(tries = 400)
    void arbitraryTextIsReadOrRefusedWithAFile(@ForAll("configText") String text) {
        assertLoadsOrRefuses(fixture().config(text));
    }

    @Property(tries = 400)
    void mutatedConfigurationsAreReadOrRefused(@ForAll("mutatedConfiguration") String text) {
        assertLoadsOrRefuses(fixture().config(text));
    }

    @Property(tries = 200)
    void arbitraryEnvironmentOverridesAreReadOrRefused(@ForAll("configText") String value,
                                                       @ForAll("configText") String name) {
        assertLoadsOrRefuses(fixture().config("A = $(B) x\n").env("_CONDOR_" + name.replace("=", ""), value)
                .env("_CONDOR_A", value));
    }

    /** A knob graph with a cycle (other than a knob referring to itself) is refused; one without is read. */
    @Property(tries = 200)
    void knobsReferringToEachOtherInACycleAreRefused(@ForAll("referenceGraph") List<List<Integer>> references) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < references.size(); i++) {
            text.append("K").append(i).append(" = x");
            for (int j : references.get(i)) {
                text.append("$(K").append(j).append(")");
            }
            text.append('\n');
        }
        ConfigFixture f = fixture().config(text.toString());
        // Every knob is expanded when the configuration is loaded: a cycle anywhere is found.
        boolean cyclic = java.util.stream.IntStream.range(0, references.size())
                .anyMatch(start -> reachesCycle(references, start, new int[references.size()]));
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                CondorConfig c = f.load();
                assertTrue(!cyclic, "a cycle was not refused: " + references);
                assertTrue(c.get("K0").orElseThrow().startsWith("x"));
            } catch (ConfigException e) {
                assertTrue(cyclic, "refused without a cycle: " + references + ": " + e.getMessage());
                assertTrue(e.getMessage().contains("does not terminate"), e.getMessage());
            }
        });
    }

    /** Files that include each other, possibly in loops: read, or refused as nested too deep / missing. */
    @Property(tries = 150)
    void includeGraphsAreReadOrRefused(@ForAll("includeGraph") List<List<Integer>> includes) {
        ConfigFixture f = fixture().config("include : $(CONFIG_ROOT)/f0.conf\n");
        for (int i = 0; i < includes.size(); i++) {
            StringBuilder text = new StringBuilder("F").append(i).append(" = $(F").append(i).append(") seen\n");
            for (int j : includes.get(i)) {
                text.append(j % 3 == 0 ? "include ifexist : " : "include : ").append("$(CONFIG_ROOT)/f").append(j)
                        .append(".conf\n");
            }
            f.write("f" + i + ".conf", text.toString());
        }
        boolean loops = reachesCycle(includes, 0, new int[includes.size()]);
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                f.load();
                assertTrue(!loops, "an include loop was read: " + includes);
            } catch (ConfigException e) {
                assertTrue(loops || e.getMessage().contains("can't open"), includes + ": " + e.getMessage());
                assertTrue(e.file().isPresent(), e.getMessage());
            }
        });
    }

    private void assertLoadsOrRefuses(ConfigFixture f) {
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                CondorConfig c = f.load();
                for (String name : c.configuredNames()) {
                    assertNotNull(c.get(name));
                    c.getList(name);
                }
            } catch (ConfigException e) {
                assertNotNull(e.getMessage());
                assertTrue(e.file().isPresent() || e.getMessage().contains("environment variable"), e.getMessage());
            }
        });
    }

    @Provide
    Arbitrary<String> configText() {
        Arbitrary<String> token = Arbitraries.oneOf(Arbitraries.of(TOKENS),
                Arbitraries.strings().ofMaxLength(4));
        return token.list().ofMaxSize(60).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> mutatedConfiguration() {
        Arbitrary<String> base = Arbitraries.of(CORPUS);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 10_000);
        Arbitrary<String> insertion = Arbitraries.oneOf(Arbitraries.of(TOKENS), Arbitraries.strings().ofMaxLength(3));
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 3);
        Arbitrary<List<int[]>> edits = Combinators.combine(position, kind, Arbitraries.integers().between(1, 8))
                .as((p, k, n) -> new int[] {p, k, n}).list().ofMaxSize(6);
        return Combinators.combine(base, edits, insertion.list().ofSize(6)).as(ConfigTextProperties::mutate);
    }

    private static String mutate(String base, List<int[]> edits, List<String> insertions) {
        StringBuilder s = new StringBuilder(base);
        for (int e = 0; e < edits.size(); e++) {
            int at = s.length() == 0 ? 0 : edits.get(e)[0] % s.length();
            int n = Math.min(edits.get(e)[2], s.length() - at);
            switch (edits.get(e)[1]) {
                case 0 -> s.insert(at, insertions.get(e));
                case 1 -> s.delete(at, at + n);
                case 2 -> s.replace(at, at + n, insertions.get(e));
                default -> s.insert(at, s.substring(at, at + n)); // duplicate a piece
            }
        }
        return s.toString();
    }

    /** For each of 1..8 knobs, the knobs its value refers to (never itself). */
    @Provide
    Arbitrary<List<List<Integer>>> referenceGraph() {
        return graph(8, 3, false);
    }

    /** For each of 1..12 files, the files it includes (itself allowed, and names that do not exist). */
    @Provide
    Arbitrary<List<List<Integer>>> includeGraph() {
        return graph(12, 2, true);
    }

    private static Arbitrary<List<List<Integer>>> graph(int maxNodes, int maxEdges, boolean selfLoops) {
        return Arbitraries.integers().between(1, maxNodes).flatMap(n ->
                Arbitraries.integers().between(0, n - 1).list().ofMaxSize(maxEdges).list().ofSize(n)
                        .map(edges -> {
                            List<List<Integer>> g = new ArrayList<>();
                            for (int i = 0; i < edges.size(); i++) {
                                int self = i;
                                g.add(edges.get(i).stream().filter(j -> selfLoops || j != self).toList());
                            }
                            return g;
                        }));
    }

    /** Whether a cycle is reachable from {@code node}; {@code state} marks nodes on the path (1) and done (2). */
    private static boolean reachesCycle(List<List<Integer>> g, int node, int[] state) {
        if (state[node] == 1) {
            return true;
        }
        if (state[node] == 2) {
            return false;
        }
        state[node] = 1;
        for (int next : g.get(node)) {
            if (reachesCycle(g, next, state)) {
                return true;
            }
        }
        state[node] = 2;
        return false;
    }

    private ConfigFixture fixture() {
        Path dir = root.resolve("run" + run++);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ConfigFixture(dir);
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("jcedar-config-properties-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Valid configurations that use most constructs; mutations of them reach deep into the reader. */
    private static final List<String> CORPUS = List.of(
            """
            # comment
            NETWORK_HOSTNAME = node7
            PREFIX = MY
            $(PREFIX)_KNOB = named
            Continued = one \\
                two \\
              # comment
            Here @=END
            line $(PREFIX)
            @END
            if version >= 23.0
              A = $(A) $(UNDEF:dflt) $ENV(HOME) $(DOLLAR)(x)
            elif defined PREFIX
              A = no
            else
              A = never
            endif
            TOOL.B = $INT(42,%05d) $SUBSTR(A,1,3) $CHOICE(1,a,b) $Fpn(Path)
            Path = /a/b/c.d
            use security:recommended_v9_0(x, y)
            use role : Personal, Submit
            AUTO_USE_ROLE_Execute = true
            """,
            """
            LOCAL_CONFIG_FILE = $(CONFIG_ROOT)/missing.conf
            REQUIRE_LOCAL_CONFIG_FILE = false
            include ifexist : $(CONFIG_ROOT)/absent.conf
            if $(X)
            X = 1
            endif
            use feature:remote_config(SEC_TOKEN_DIRECTORY)
            use security:user_based
            SEC_TOKEN_DIRECTORY = $(ETC)/tokens.d
            TRUST_DOMAIN = $(UID_DOMAIN)
            warning : careful
            """);

    /** Sanity check that the corpus itself is read. */
    @Property(tries = 1)
    void theCorpusIsValid() throws ConfigException {
        for (String text : CORPUS) {
            assertEquals(0, fixture().config(text).load().get("NO_SUCH").map(String::length).orElse(0));
        }
    }
}
