package org.jcedar.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the statements of one configuration file into the configuration, as HTCondor's file reader does:
 * {@code NAME = value} (and the obsolete {@code NAME : value}, with a warning), {@code NAME @= TAG} ...
 * {@code @TAG}, {@code if}/{@code elif}/{@code else}/{@code endif}, {@code use CATEGORY : NAME},
 * {@code include [ifexist] : FILE}, {@code error : message} and {@code warning : message}. Knob names and
 * file names are expanded; values keep their references except those to the knob itself. Lines starting with
 * {@code [} and no operator are ignored (ini-style section headers). {@code include command} and piped commands
 * are refused: jcedar runs no programs to read its configuration.
 */
final class ConfigFileParser {
    private final LoadState state;
    private final MetaknobApplier metaknobs;

    ConfigFileParser(LoadState state) {
        this.state = state;
        this.metaknobs = new MetaknobApplier(state);
    }

    /** Reads {@code file} at include depth {@code depth} (0 for the global file, 1 for local files). */
    void read(Path file, int depth) throws ConfigException {
        String text = state.readSource(file);
        new FileRun(file, depth, text).run();
    }

    /** The reading of one file: its line reader, if nesting and comment options. */
    private final class FileRun {
        private final Path file;
        private final int depth;
        private final LogicalLineReader reader;
        private final ConditionalLines conditionals;
        /** 0: ':' assigns silently, 1: with a warning (the default), 2: ':' is an error (#opt:strict). */
        private int colonAssignment = 1;
        private HereDocument here;
        private int line;

        FileRun(Path file, int depth, String text) {
            this.file = file;
            this.depth = depth;
            this.reader = new LogicalLineReader(text);
            this.conditionals = new ConditionalLines(state.conditions());
        }

        void run() throws ConfigException {
            String text;
            while ((text = reader.next()) != null) {
                line = reader.lineNumber();
                if (text.startsWith("#") || StatementSyntax.isBlank(text)) {
                    commentOption(text);
                    continue;
                }
                if (here != null) {
                    if (here.isClosedBy(text)) {
                        assign(here.name(), here.value());
                        here = null;
                    } else {
                        here.append(text);
                    }
                    continue;
                }
                // A ':' before an if-body line hid it from 8.0 and older readers; it is dropped.
                if (text.startsWith(":") && (conditionals.insideIf() || text.equals(":if")
                        || (text.startsWith(":if") && Ascii.isSpace(text.charAt(3))))) {
                    text = text.substring(1);
                }
                if (conditionals.handle(text, here())) {
                    continue;
                }
                if (!conditionals.enabled()) {
                    continue;
                }
                statement(text);
            }
            if (here != null) {
                throw new ConfigException(file, here.startLine(), "end of file while looking for '@"
                        + here.tag() + "' to end the value of " + here.name());
            }
            if (conditionals.insideIf()) {
                throw new ConfigException(file, line, "endif(s) not found before end of file");
            }
        }

        private void commentOption(String text) {
            if (Ascii.equalsIgnoreCase(text, "#opt:oldcomment")) {
                reader.useNewCommentRules(false);
            } else if (Ascii.equalsIgnoreCase(text, "#opt:newcomment")) {
                reader.useNewCommentRules(true);
            } else if (Ascii.equalsIgnoreCase(text, "#opt:strict")) {
                colonAssignment = 2;
            }
        }

        private void statement(String text) throws ConfigException {
            int n = text.length();
            int p = 0;
            while (p < n && !Ascii.isSpace(text.charAt(p)) && !StatementSyntax.isOperator(text.charAt(p))) {
                p++;
            }
            if (p >= n) {
                if (text.startsWith("[")) {
                    return; // ini-style section header
                }
                throw error("expected NAME = value, found: " + text);
            }
            String name = text.substring(0, p);
            int op = p;
            char opChar = text.charAt(p);
            int q = p + 1;
            if (!StatementSyntax.isOperator(opChar)) {
                q = StatementSyntax.skipSpace(text, q);
                while (q < n && !StatementSyntax.isOperator(text.charAt(q)) && text.charAt(q) != '@') {
                    q++;
                }
                op = q;
                opChar = q < n ? text.charAt(q) : 0;
                if (q < n) {
                    q++;
                    if (opChar == '@') {
                        if (q < n && text.charAt(q) == '=') {
                            q++;
                        } else {
                            opChar = 0;
                        }
                    }
                }
            }
            if (!StatementSyntax.isOperator(opChar) && opChar != '@') {
                throw error("expected = after " + name + ": " + text);
            }
            String rhs = text.substring(StatementSyntax.skipSpace(text, q));
            boolean at = name.startsWith("@");
            String keyword = at ? name.substring(1) : name;
            String between = p + 1 < op ? Ascii.trim(text.substring(p + 1, op)) : "";

            if (opChar == ':' && Ascii.equalsIgnoreCase(keyword, "use")) {
                metaknobs.apply(expand(between, "a metaknob category"), rhs, depth + 1, here());
                return;
            }
            if (opChar == ':' && Ascii.equalsIgnoreCase(keyword, "include")) {
                include(between, rhs);
                return;
            }
            if (opChar == ':' && Ascii.equalsIgnoreCase(keyword, "error")) {
                throw error("Error: " + expand(rhs, "an error message"));
            }
            if (opChar == ':' && Ascii.equalsIgnoreCase(keyword, "warning")) {
                state.warn(here() + ": Warning: " + expand(rhs, "a warning message"));
                return;
            }
            if (opChar == ':') {
                colonAssignmentUsed(name, rhs);
            }
            String knob = expand(name, "a knob name");
            if (!Ascii.isValidName(knob)) {
                throw error("illegal knob name <" + knob + ">");
            }
            if (opChar == '@') {
                here = new HereDocument(knob, rhs, line);
                return;
            }
            assign(knob, rhs);
        }

        /** {@code NAME : value}: obsolete; a warning (an error under #opt:strict), then it assigns. */
        private void colonAssignmentUsed(String name, String rhs) throws ConfigException {
            // HTCondor's old default configuration used this form for RunBenchmarks: it silences the warnings
            // for the rest of the file (and is only warned about under #opt:strict).
            boolean runBenchmarks = Ascii.equalsIgnoreCase(name, "RunBenchmarks");
            if (runBenchmarks && colonAssignment < 2) {
                colonAssignment = 0;
            }
            String message = "obsolete use of ':' for parameter assignment at " + name + " : " + rhs;
            if (colonAssignment == 2 && !runBenchmarks) {
                throw error(message);
            }
            if (colonAssignment != 0) {
                state.warn(here() + ": Warning: " + message);
            }
        }

        private void include(String options, String target) throws ConfigException {
            boolean mustExist = true;
            List<String> words = MacroFunctions.tokens(options, " \t");
            int i = 0;
            if (i < words.size() && (words.get(i).equals("ifexist") || words.get(i).equals("ifexists"))) {
                mustExist = false;
                i++;
            }
            if (i < words.size() && (words.get(i).equals("command") || words.get(i).equals("output"))) {
                throw error("include " + options + " runs a program; jcedar does not run programs to read its"
                        + " configuration: " + target);
            }
            if (i < words.size()) {
                throw error("unexpected keyword(s) '" + options + "' after include");
            }
            String name = expand(target, "an include file name");
            if (name.indexOf('|') >= 0) {
                throw error("include of '" + name + "' runs a program (it contains '|'); jcedar does not run"
                        + " programs to read its configuration");
            }
            Path path = state.resolve(name);
            if (!Files.isReadable(path) || Files.isDirectory(path)) {
                if (mustExist) {
                    throw error("include: can't open file " + name);
                }
                return;
            }
            if (depth + 1 >= ConfigLimits.MAX_NESTING_DEPTH) {
                throw error("include of " + name + ": includes nested too deep (an include loop?)");
            }
            read(path, depth + 1);
        }

        private String expand(String text, String what) throws ConfigException {
            try {
                return state.expander().expand(text, what);
            } catch (EvaluationException e) {
                throw error(e.getMessage());
            }
        }

        private void assign(String knob, String rhs) throws ConfigException {
            try {
                state.expander().assign(knob, rhs, here());
            } catch (EvaluationException e) {
                throw error(knob + ": " + e.getMessage());
            }
        }

        private ValueOrigin here() {
            return ValueOrigin.line(file, line);
        }

        private ConfigException error(String message) {
            return new ConfigException(file, line, message);
        }
    }
}
