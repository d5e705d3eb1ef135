package org.jcedar.it.real;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jcedar.config.ConfigEnvironment;
import org.jcedar.config.ConfigException;
import org.jcedar.config.CondorConfig;

/**
 * Reads the same configuration files with {@link CondorConfig} and with real {@code condor_config_val}
 * (HTCondor 23.x and 25.x in their chroots) and compares the expanded value of every knob the files set, every
 * built-in default we carry, and the list of files read. The files use every construct we implement: includes,
 * if/elif/else with version and defined conditions, metaknobs with arguments, {@code @=} values, continuations
 * and their comment quirks, macro functions, subsystem and local-name prefixes, LOCAL_CONFIG_DIR and
 * LOCAL_CONFIG_FILE, the user config and {@code _CONDOR_} environment overrides. It also checks our built-in
 * defaults and metaknob texts against the real tool, and that configurations the real tool refuses are refused.
 */
class CondorConfigValComparisonTest {
    /** Every scenario pins the host name, so that no DNS look-up decides FULL_HOSTNAME. */
    private static final String HOST_LINES = "NETWORK_HOSTNAME = node7\nDEFAULT_DOMAIN_NAME = example.org\n";

    @RealHtcondorTest
    void syntaxMacrosConditionsAndMetaknobs(RealHtcondor htcondor) throws Exception {
        CondorConfigVal tool = new CondorConfigVal(htcondor);
        try (ConfigScenario s = new ConfigScenario(htcondor)) {
            s.write("condor_config", HOST_LINES + SYNTAX);
            s.write("included.conf", "IncludedValue = from the included file\nGrowing = $(Growing) included\n");
            Map<String, String> env = Map.of("CONDOR_CONFIG", s.inChroot("condor_config"), "HOME", "/root");
            assertSameAsReal(tool, s, env, Run.AS_ROOT, "TOOL", null);
            assertSameAsReal(tool, s, env, Run.AS_ROOT, "schedd", null);
            assertSameAsReal(tool, s, env, Run.AS_ROOT, "schedd", "second");
        }
    }

    @RealHtcondorTest
    void localConfigDirectoriesAndFiles(RealHtcondor htcondor) throws Exception {
        CondorConfigVal tool = new CondorConfigVal(htcondor);
        try (ConfigScenario s = new ConfigScenario(htcondor)) {
            s.write("condor_config", HOST_LINES + """
                    Order = root
                    REQUIRE_LOCAL_CONFIG_FILE = false
                    LOCAL_CONFIG_DIR = $(CONFIG_ROOT)/d1, $(CONFIG_ROOT)/d2
                    LOCAL_CONFIG_FILE = $(CONFIG_ROOT)/local1.conf $(CONFIG_ROOT)/local2.conf
                    """);
            s.write("d1/b.conf", "Order = $(Order) d1/b\n");
            s.write("d1/a.conf", "Order = $(Order) d1/a\n");
            s.write("d1/Z.conf", "Order = $(Order) d1/Z\n");
            s.write("d1/a.conf~", "Order = $(Order) backup-file\n");
            s.write("d1/.hidden", "Order = $(Order) hidden-file\n");
            s.write("d1/setup.sh", "Order = $(Order) script\n");
            s.write("d1/sub/c.conf", "Order = $(Order) subdirectory\n");
            s.write("d2/z", "Order = $(Order) d2/z\n");
            s.write("local1.conf", """
                    Order = $(Order) local1
                    # a local file may extend the list; the new files are read next
                    LOCAL_CONFIG_FILE = $(LOCAL_CONFIG_FILE), $(CONFIG_ROOT)/local3.conf
                    LOCAL_CONFIG_DIR = $(LOCAL_CONFIG_DIR) $(CONFIG_ROOT)/d3
                    """);
            s.write("local2.conf", "Order = $(Order) local2\n");
            s.write("local3.conf", "Order = $(Order) local3\nLOCAL_CONFIG_FILE = $(LOCAL_CONFIG_FILE) /nonexistent.conf\n");
            s.write("d3/x.conf", "Order = $(Order) d3/x\n");
            Map<String, String> env = Map.of("CONDOR_CONFIG", s.inChroot("condor_config"));
            assertSameAsReal(tool, s, env, Run.AS_ROOT, "TOOL", null);
        }
    }

    @RealHtcondorTest
    void environmentOverrides(RealHtcondor htcondor) throws Exception {
        CondorConfigVal tool = new CondorConfigVal(htcondor);
        try (ConfigScenario s = new ConfigScenario(htcondor)) {
            s.write("condor_config", HOST_LINES + """
                    FromFile = file value
                    Appended = file
                    Dependent = $(FromEnvironment) seen from the file
                    use security:recommended_v9_0
                    """);
            Map<String, String> env = new LinkedHashMap<>();
            env.put("CONDOR_CONFIG", s.inChroot("condor_config"));
            env.put("_CONDOR_FromEnvironment", "environment value");
            env.put("_condor_LowerCasePrefix", "   leading spaces dropped");
            env.put("_CONDOR_Appended", "$(Appended) environment");
            env.put("_CONDOR_SEC_DEFAULT_ENCRYPTION", "OPTIONAL");
            env.put("_CONDOR_SEC_TOKEN_DIRECTORY", "/tmp/tokens from env");
            env.put("_CONDOR_TOOL.Scoped", "only for tools");
            env.put("JCEDAR_PLAIN", "not a knob");
            assertSameAsReal(tool, s, env, Run.AS_ROOT, "TOOL", null);
        }
    }

    @RealHtcondorTest
    void userConfigForUnprivilegedTools(RealHtcondor htcondor) throws Exception {
        CondorConfigVal tool = new CondorConfigVal(htcondor);
        try (ConfigScenario s = new ConfigScenario(htcondor)) {
            s.write("condor_config", HOST_LINES + "USER_CONFIG_FILE = " + s.inChroot("user_config") + "\n"
                    + "Layer = main\nLOCAL_CONFIG_FILE = $(CONFIG_ROOT)/local.conf\nuse security:user_based\n");
            s.write("local.conf", "Layer = $(Layer) local\n");
            s.write("user_config", "Layer = $(Layer) user\nSEC_TOKEN_DIRECTORY = /home/somebody/tokens\n");
            Map<String, String> env = Map.of("CONDOR_CONFIG", s.inChroot("condor_config"), "HOME", "/nonexistent",
                    "_CONDOR_Layer", "$(Layer) environment");
            assertSameAsReal(tool, s, env, Run.AS_NOBODY, "TOOL", null);
            assertSameAsReal(tool, s, env, Run.AS_ROOT, "TOOL", null);
        }
    }

    @RealHtcondorTest
    void packagedConfiguration(RealHtcondor htcondor) throws Exception {
        CondorConfigVal tool = new CondorConfigVal(htcondor);
        try (ConfigScenario s = new ConfigScenario(htcondor)) {
            // The distribution's own files, read from a copy so that the local config directory is ours.
            s.write("condor_config", read(tool.htcondor().hostPath("/etc/condor/condor_config")) + "\n" + HOST_LINES
                    + "LOCAL_CONFIG_DIR = $(CONFIG_ROOT)/config.d\nLOCAL_CONFIG_FILE = $(CONFIG_ROOT)/condor_config.local\n");
            Path local = tool.htcondor().hostPath("/etc/condor/condor_config.local");
            if (Files.isRegularFile(local)) {
                s.write("condor_config.local", read(local));
            }
            try (Stream<Path> files = Files.list(tool.htcondor().hostPath("/etc/condor/config.d"))) {
                for (Path f : files.toList()) {
                    s.write("config.d/" + f.getFileName(), read(f));
                }
            }
            assertSameAsReal(tool, s, Map.of("CONDOR_CONFIG", s.inChroot("condor_config")), Run.AS_ROOT, "TOOL", null);
        }
    }

    @RealHtcondorTest
    void builtInDefaultsOnly(RealHtcondor htcondor) throws Exception {
        CondorConfigVal tool = new CondorConfigVal(htcondor);
        try (ConfigScenario s = new ConfigScenario(htcondor)) {
            Map<String, String> env = Map.of("CONDOR_CONFIG", "ONLY_ENV", "_CONDOR_NETWORK_HOSTNAME", "node7.example.org");
            assertSameAsReal(tool, s, env, Run.AS_ROOT, "TOOL", null);
        }
    }

    /** Every default we carry has HTCondor's raw value (before expansion). */
    @RealHtcondorTest
    void carriedDefaultsAreHtcondorsRawDefaults(RealHtcondor htcondor) throws Exception {
        CondorConfigVal tool = new CondorConfigVal(htcondor);
        try (ConfigScenario s = new ConfigScenario(htcondor)) {
            tool.run(Map.of("CONDOR_CONFIG", "ONLY_ENV"), false,
                    List.of("-writeconfig:default,only", s.inChroot("defaults.out"))).requireSuccess();
            Map<String, String> real = CondorConfigVal.parseDump(defaultSection(read(s.onHost("defaults.out"))));
            Map<String, String> ours = carriedDefaults(tool.tableSeries());
            List<String> mismatches = new ArrayList<>();
            ours.forEach((name, raw) -> {
                String expected = name.contains(".") ? subsystemDefault(tool, name)
                        : real.get(name.toLowerCase(Locale.ROOT));
                if (!raw.equals(expected)) {
                    mismatches.add(name + ": ours '" + raw + "', HTCondor " + tool.version() + " '" + expected + "'");
                }
            });
            assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
        }
    }

    /** Every metaknob we carry has HTCondor's statements, and we carry every SECURITY and ROLE metaknob. */
    @RealHtcondorTest
    void carriedMetaknobsAreHtcondors(RealHtcondor htcondor) {
        CondorConfigVal tool = new CondorConfigVal(htcondor);
        Map<String, String> env = Map.of("CONDOR_CONFIG", "ONLY_ENV");
        Map<String, List<String>> ours = carriedMetaknobs(tool.tableSeries());
        List<String> mismatches = new ArrayList<>();
        ours.forEach((name, statements) -> {
            ExecResult run = tool.run(env, false, List.of("use", name));
            List<String> real = new ArrayList<>();
            for (String line : run.stdout().split("\n")) {
                String t = line.trim();
                if (!t.isEmpty() && !t.startsWith("#") && !t.startsWith("use " + name.split(":")[0].toUpperCase(Locale.ROOT)
                        + ":" + name.split(":")[1] + " is")) {
                    real.add(t);
                }
            }
            if (!real.equals(statements)) {
                mismatches.add(name + ":\n  ours " + statements + "\n  real " + real);
            }
        });
        for (String category : List.of("SECURITY", "ROLE")) {
            String listing = tool.run(env, false, List.of("use", category)).stdout();
            for (String name : listing.substring(listing.indexOf("accepts") + 7).trim().split("\\s+")) {
                if (ours.keySet().stream().noneMatch(k -> k.equalsIgnoreCase(category + ":" + name))) {
                    mismatches.add(category + ":" + name + " is not carried");
                }
            }
        }
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }

    /** Configurations real HTCondor refuses, reports an error for, or (knobs in a cycle) never finishes reading. */
    private static final Map<String, String> REFUSED = refusedConfigurations();

    private static Map<String, String> refusedConfigurations() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("endif without if", "endif\n");
        configs.put("else without if", "else\n");
        configs.put("missing endif", "if true\nA = 1\n");
        configs.put("condition that is a bare name", "if SOME_NAME\nendif\n");
        configs.put("complex condition", "if 1 + 1\nendif\n");
        configs.put("version literal below 6", "if version >= 5.0\nendif\n");
        configs.put("line without operator", "A = 1\nJUST_A_NAME\n");
        configs.put("illegal knob name", "BAD-NAME = 1\n");
        configs.put("missing include", "include : $(CONFIG_ROOT)/missing.conf\n");
        configs.put("include of itself", "include : $(CONFIG_ROOT)/condor_config\n");
        configs.put("unknown include keyword", "include sometimes : $(CONFIG_ROOT)/other.conf\n");
        configs.put("unterminated @= value", "X @=END\nvalue\n");
        configs.put("colon under #opt:strict", "#opt:strict\nA : b\n");
        configs.put("error statement", "error : stop here\n");
        configs.put("missing required local file", "LOCAL_CONFIG_FILE = $(CONFIG_ROOT)/missing.conf\n");
        configs.put("choice index out of range", "X = $CHOICE(5,a,b)\n");
        configs.put("knobs referring to each other", "A = $(B)\nB = $(A)\n");
        return configs;
    }

    /**
     * What the real tool refuses or reports as an error (or, for knobs that refer to each other, never finishes),
     * we refuse.
     */
    @RealHtcondorTest
    void refusedLikeTheRealTool(RealHtcondor htcondor) {
        CondorConfigVal tool = new CondorConfigVal(htcondor);
        List<String> problems = new ArrayList<>();
        REFUSED.forEach((what, text) -> {
            try (ConfigScenario s = new ConfigScenario(htcondor)) {
                s.write("condor_config", HOST_LINES + text);
                s.write("other.conf", "A = 1\n");
                Map<String, String> env = Map.of("CONDOR_CONFIG", s.inChroot("condor_config"));
                if (!realRefuses(tool, env)) {
                    problems.add("HTCondor accepted " + what);
                }
                try {
                    CondorConfig.load(ourEnvironment(tool, env, Run.AS_ROOT, "TOOL", null, Map.of()));
                    problems.add("we accepted " + what);
                } catch (ConfigException expected) {
                    assertNotNull(expected.getMessage());
                }
            }
        });
        assertTrue(problems.isEmpty(), tool + ":\n" + String.join("\n", problems));
    }

    /** Whether reading and expanding everything fails, reports an ERROR, or does not finish in a few seconds. */
    private static boolean realRefuses(CondorConfigVal tool, Map<String, String> env) {
        try {
            ExecResult run = tool.run(env, false, List.of("-expanded", "-dump"), Duration.ofSeconds(5));
            return run.exitCode() != 0 || run.stderr().contains("ERROR");
        } catch (IllegalStateException didNotFinish) {
            return true; // HostCommand's timeout: HTCondor loops forever on knobs that refer to each other
        }
    }

    private enum Run { AS_ROOT, AS_NOBODY }

    /**
     * Loads the scenario with {@link CondorConfig} and with the real tool, for {@code subsystem} and
     * {@code localName}, and compares the values of: every knob either side says the sources set, every default
     * we carry, and the sources read.
     */
    private static void assertSameAsReal(CondorConfigVal tool, ConfigScenario s, Map<String, String> env, Run user,
                                         String subsystem, String localName) throws ConfigException {
        List<String> options = new ArrayList<>();
        if (!subsystem.equals("TOOL")) {
            options.addAll(List.of("-subsystem", subsystem));
        }
        if (localName != null) {
            options.addAll(List.of("-local-name", localName));
        }
        boolean nobody = user == Run.AS_NOBODY;
        ExecResult dump = tool.run(env, nobody, concat(options, "-expanded", "-dump")).requireSuccess();
        ExecResult summary = tool.run(env, nobody, concat(options, "-summary")).requireSuccess();
        ExecResult sources = tool.run(env, nobody, concat(options, "-config"));
        Map<String, String> real = CondorConfigVal.parseDump(dump.stdout());

        CondorConfig ours = CondorConfig.load(ourEnvironment(tool, env, user, subsystem, localName, real));
        String chroot = tool.htcondor().chroot().toString();
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(ours.configuredNames());
        names.addAll(CondorConfigVal.parseSummaryNames(summary.stdout()));
        names.addAll(carriedDefaults(tool.tableSeries()).keySet());
        lookUpSeparately(tool, env, nobody, options, names, real);
        List<String> mismatches = new ArrayList<>();
        for (String name : names) {
            String expected = real.getOrDefault(name.toLowerCase(Locale.ROOT), "");
            String actual = ours.get(name).orElse("").replace(chroot, "");
            if (actual.indexOf('\n') >= 0) {
                // the dump prints multi-line values with each line's trailing white space removed
                actual = actual.replaceAll("[ \t]+(?=\n|$)", "");
            }
            if (!expected.equals(actual)) {
                mismatches.add(name + ": ours '" + actual + "' (" + ours.whereDefined(name).orElse("undefined")
                        + "), HTCondor '" + expected + "'");
            }
        }
        // The real tool also lists local files it did not find; we list what we read.
        Set<String> realSources = new TreeSet<>();
        for (String line : sources.stdout().split("\n")) {
            if (line.startsWith("\t") && !line.isBlank() && Files.isRegularFile(tool.htcondor().hostPath(line.trim()))) {
                realSources.add(line.trim());
            }
        }
        Set<String> ourSources = new TreeSet<>();
        ours.sourcesRead().forEach(p -> ourSources.add(p.toString().replace(chroot, "")));
        if (!realSources.equals(ourSources)) {
            mismatches.add("sources read: ours " + ourSources + ", HTCondor " + realSources);
        }
        if (!mismatches.isEmpty()) {
            fail(tool + ", subsystem " + subsystem + (localName == null ? "" : ", local name " + localName) + ", "
                    + user + ": " + mismatches.size() + " of " + names.size() + " knobs differ:\n"
                    + String.join("\n", mismatches) + "\nwarnings: " + ours.warnings());
        }
    }

    /**
     * Adds to {@code real} the values of SUBSYSTEM.NAME knobs that only have built-in defaults: the dump leaves
     * those out, a look-up by name ({@code -v NAME}, one "NAME = value" line each) finds them.
     */
    private static void lookUpSeparately(CondorConfigVal tool, Map<String, String> env, boolean nobody,
                                         List<String> options, Set<String> names, Map<String, String> real) {
        List<String> missing = names.stream()
                .filter(n -> n.contains(".") && !real.containsKey(n.toLowerCase(Locale.ROOT))).toList();
        if (missing.isEmpty()) {
            return;
        }
        List<String> args = concat(options, "-v");
        args.addAll(missing);
        for (String line : tool.run(env, nobody, args).stdout().split("\n")) {
            int equals = line.indexOf(" = ");
            if (equals > 0 && !line.startsWith(" ")) {
                real.put(line.substring(0, equals).toLowerCase(Locale.ROOT), line.substring(equals + 3));
            }
        }
    }

    /**
     * The environment the real tool ran in, seen from the host: the same variables (CONDOR_CONFIG pointing into
     * the chroot), user, ~condor and version; the IP addresses the real tool detected ({@code detected}, its
     * dump), which we do not detect ourselves.
     */
    private static ConfigEnvironment ourEnvironment(CondorConfigVal tool, Map<String, String> env, Run user,
                                                    String subsystem, String localName, Map<String, String> detected) {
        Map<String, String> ourEnv = new HashMap<>(env);
        String condorConfig = env.get("CONDOR_CONFIG");
        if (condorConfig != null && !condorConfig.equalsIgnoreCase("ONLY_ENV")) {
            ourEnv.put("CONDOR_CONFIG", tool.htcondor().hostPath(condorConfig).toString());
        }
        boolean nobody = user == Run.AS_NOBODY;
        return ConfigEnvironment.builder(subsystem)
                .environment(ourEnv)
                .localName(localName)
                .userName(nobody ? "nobody" : "root")
                .userHome(Path.of(nobody ? "/nonexistent" : "/root"))
                .hostName("node7")
                .privileged(!nobody)
                .condorHome(tool.condorHome().orElse(null))
                .workingDirectory(tool.htcondor().chroot())
                .globalConfigLocations(List.of(tool.htcondor().hostPath("/etc/condor/condor_config")))
                .version(tool.version())
                .ipv4Address(detected.get("ipv4_address"))
                .ipv6Address(detected.get("ipv6_address"))
                .build();
    }

    /** Our built-in defaults for a series, read from the table that ships with the configuration reader. */
    private static Map<String, String> carriedDefaults(int series) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : resourceLines("/org/jcedar/config/defaults-" + series + ".cfg")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
        }
        return values;
    }

    /** Our metaknobs for a series: "CATEGORY:NAME" to its statements, read from the table that ships with the reader. */
    private static Map<String, List<String>> carriedMetaknobs(int series) {
        Map<String, List<String>> knobs = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : resourceLines("/org/jcedar/config/metaknobs-" + series + ".cfg")) {
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new ArrayList<>();
                knobs.put(line.substring(1, line.length() - 1), current);
            } else if (current != null && !line.isBlank()) {
                current.add(line.trim());
            }
        }
        return knobs;
    }

    /** The built-in raw value of SUBSYSTEM.NAME: -writeconfig leaves those out, -subsystem S -v NAME shows them. */
    private static String subsystemDefault(CondorConfigVal tool, String name) {
        int dot = name.indexOf('.');
        ExecResult run = tool.run(Map.of("CONDOR_CONFIG", "ONLY_ENV"), false,
                List.of("-subsystem", name.substring(0, dot), "-v", name.substring(dot + 1)));
        String prefix = " # raw: " + name + " = ";
        for (String line : run.stdout().split("\n")) {
            if (line.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return line.substring(prefix.length());
            }
        }
        return null;
    }

    /** The "# from <Default>" section of a -writeconfig file. */
    private static String defaultSection(String written) {
        int start = written.indexOf("# from <Default>");
        assertTrue(start >= 0, "no <Default> section in:\n" + written);
        int end = written.indexOf("# from <", start + 1);
        return written.substring(start, end < 0 ? written.length() : end);
    }

    private static List<String> resourceLines(String name) {
        try (InputStream in = CondorConfig.class.getResourceAsStream(name)) {
            assertNotNull(in, "missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> concat(List<String> first, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(rest));
        return all;
    }

    /**
     * The main scenario: one file using every construct (the included file and NETWORK_HOSTNAME come first).
     * Java text blocks: a line ending in {@code \\} here is a configuration line ending in one backslash.
     */
    private static final String SYNTAX = """
            # a comment
            include : $(CONFIG_ROOT)/included.conf
            include ifexist : $(CONFIG_ROOT)/absent.conf
            PREFIX = MY
            $(PREFIX)_KNOB = named through a macro
            Plain = value with   inner   spaces
            Lower = $(plain)
            Colon : old style assignment
            ColonEquals := keeps the equals sign
            Spaced Words = only the first word names the knob
            Continued = one \\
                two \\
              # a comment inside a continuation leaves its last character
            Continued2 = a \\
            # a commented-out line ending in a backslash continues \\
            SWALLOWED = b
            Backslashes = x\\\\

            SWALLOWED_TOO = y
            Dollar = $(DOLLAR)(NOT_EXPANDED) costs $(DOLLAR)5
            WithDefault = $(UNDEFINED_KNOB:fallback value)
            WithDefaultEmpty = $(EMPTY_KNOB:used because empty)
            EMPTY_KNOB =
            EnvHome = $ENV(HOME)
            EnvMissing = $ENV(JCEDAR_NOT_SET)
            EnvMissingDefault = $ENV(JCEDAR_NOT_SET:env fallback)
            Growing = start
            Growing = $(Growing) middle
            SelfFirst = $(SelfFirst) and $(Plain)
            Here @=END
            first line $(Plain)
              indented line
            # a comment inside an @= value is dropped
            @END
            HereSelf @= tag
            before $(HereSelf)
            @tag
            HereSelf @= tag
            $(HereSelf) after
            @tag
            Nested = $(Outer_$(PREFIX))
            Outer_MY = resolved late
            NUMBER = 42
            IntValue = $INT(NUMBER)
            IntFormatted = $INT(NUMBER,%05d)
            IntHex = $INT(NUMBER,0x%x)
            Sub = $SUBSTR(Plain,0,5)
            SubNeg = $SUBSTR(Plain,-6)
            Choice = $CHOICE(1,alpha,beta,gamma)
            INDEX = 2
            LIST = a, b, c
            ChoiceList = $CHOICE(INDEX,LIST)
            Path = /opt/condor/etc/file.tar.gz
            Base = $BASENAME(Path)
            Dir = $DIRNAME(Path)
            Fn = $Fn(Path)
            Fx = $Fx(Path)
            Fxb = $Fxb(Path)
            Fpn = $Fpn(Path)
            Fp = $Fp(Path)
            Fpb = $Fpb(Path)
            Fd = $Fd(Path)
            Fdd = $Fdd(Path)
            Fdn = $Fdn(Path)
            Fqnx = $Fqnx(Path)
            Faq = $Faq(Path)
            Fw = $Fw(Path)
            QuotedPath = "/a b/c.d"
            Fqp = $Fqp(QuotedPath)
            Fn2 = $Fn(QuotedPath)
            if version >= 23.0
              VersionGe23 = yes
            else
              VersionGe23 = no
            endif
            if version >= 24.0
              Series = 24 or later
            elif version >= 23.9
              Series = 23.9 or later
            else
              Series = older
            endif
            if version == 23.9
              ExactMinor = yes
            endif
            if version < 23.10.0
              Below2310 = yes
            endif
            if version != 25.0
              NotMajor = yes
            endif
            if defined Plain
              DefinedPlain = yes
            endif
            if defined NO_SUCH_KNOB
              DefinedMissing = yes
            elif defined EMPTY_KNOB
              DefinedMissing = empty counts as undefined
            else
              DefinedMissing = no
            endif
            if defined use SECURITY:strong
              DefinedUse = yes
            endif
            if defined use SECURITY:recommended
              DefinedUseRecommended = yes
            endif
            if $(NUMBER)
              NumberCondition = yes
            endif
            if $(UNDEFINED_KNOB)
              EmptyCondition = yes
            else
              EmptyCondition = no
            endif
            if 1.5
              Real = yes
            endif
            if ! false
              NotFalse = yes
              if no
                Inner = no
              elif t
                Inner = elif t
              else
                Inner = else
              endif
            endif
            :if true
            :Hidden = shown
            endif
            [Section]
            TOOL.Prefixed = for tools
            SCHEDD.Prefixed = for the schedd
            SECOND.Prefixed = for the daemon named second
            Prefixed = for everyone
            UsesPrefixed = [$(Prefixed)]
            SCHEDD.SelfPrefixed = $(SelfPrefixed) schedd
            SelfPrefixed = plain
            use security:recommended_v9_0(pooluser, admin@example.org, extra1, extra2)
            use role : Personal, Submit
            use ROLE: Submit,
            use feature:remote_config(SEC_TOKEN_DIRECTORY)
            AUTO_USE_ROLE_Execute = $(VersionGe23)
            RunBenchmarks : 0
            SEC_TOKEN_DIRECTORY = $(CONFIG_ROOT)/tokens.d
            TRUST_DOMAIN = pool.$(DEFAULT_DOMAIN_NAME)
            warning : a warning does not stop reading
            Last = unterminated last line, kept as it is  \\""";
}
