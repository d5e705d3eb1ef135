package org.jcedar.config;

import java.util.Optional;

/**
 * Applies {@code use CATEGORY : NAME(args), ...}: looks each metaknob up in our table, substitutes its
 * arguments and reads its statements (assignments, {@code if} blocks, {@code @=} values, nested {@code use})
 * as HTCondor reads metaknob text. A metaknob we do not carry is a warning, not an error (HTCondor refuses the
 * file when it does not know one; it may know ones we do not carry).
 */
final class MetaknobApplier {
    private final LoadState state;

    MetaknobApplier(LoadState state) {
        this.state = state;
    }

    /**
     * Applies the metaknobs named by {@code rhs} of category {@code category} at nesting depth {@code depth};
     * {@code site} is the {@code use} line, where problems are reported and values are said to come from.
     */
    void apply(String category, String rhs, int depth, ValueOrigin site) throws ConfigException {
        if (category.isEmpty()) {
            throw site.error("use needs a category before the colon: use " + category + ":" + rhs);
        }
        MetaknobTable table = state.metaknobs();
        if (!table.hasCategory(category)) {
            state.warn(site + ": jcedar knows no metaknob category '" + category + "'; ignored: use "
                    + category + " : " + rhs);
            return;
        }
        for (MetaknobUse use : MetaknobUse.parseList(rhs)) {
            Optional<String> body = table.body(category, use.name());
            if (body.isEmpty()) {
                state.warn(site + ": jcedar does not know metaknob " + category + ":" + use.name()
                        + "; ignored");
                continue;
            }
            state.countMetaknobUse(site);
            String text = body.get();
            if (!use.arguments().isEmpty() || MetaknobUse.hasArgumentReferences(text)) {
                try {
                    text = use.substituteArguments(text,
                            state.expander().budget("use " + category + ":" + use.name()));
                } catch (EvaluationException e) {
                    throw site.error(e.getMessage());
                }
            }
            String origin = category + ":" + use.name();
            readStatements(text, depth, site.file() == null ? site
                    : ValueOrigin.metaknob(site.file(), site.line(), origin), site);
        }
    }

    /** Reads a metaknob's statements (one per line) into the configuration. */
    private void readStatements(String text, int depth, ValueOrigin origin, ValueOrigin site)
            throws ConfigException {
        ConditionalLines conditionals = new ConditionalLines(state.conditions());
        HereDocument here = null;
        for (String rawLine : text.split("\n")) {
            String line = Ascii.trim(rawLine);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (here != null) {
                if (here.isClosedBy(line)) {
                    assign(here.name(), here.value(), origin);
                    here = null;
                } else {
                    here.append(line);
                }
                continue;
            }
            if (conditionals.handle(line, site) || !conditionals.enabled()) {
                continue;
            }
            here = statement(line, depth, origin, site);
        }
    }

    /** One statement of a metaknob; returns the {@code @=} value it starts, if it starts one. */
    private HereDocument statement(String line, int depth, ValueOrigin origin, ValueOrigin site)
            throws ConfigException {
        boolean isUse = Ascii.startsWithIgnoreCase(line, "use ");
        int nameStart = isUse ? StatementSyntax.skipSpace(line, 4) : 0;
        int p = nameStart;
        while (p < line.length() && !Ascii.isSpace(line.charAt(p)) && !StatementSyntax.isOperator(line.charAt(p))) {
            p++;
        }
        String name = line.substring(nameStart, p);
        char op = p < line.length() ? line.charAt(p) : 0;
        if (p < line.length()) {
            p++;
        }
        // Up to the value: at most one operator ('=', ':' or '@='); white space alone also separates.
        while (p < line.length()) {
            char c = line.charAt(p);
            if (c == '@') {
                if (p + 1 >= line.length() || line.charAt(p + 1) != '=') {
                    op = 0;
                    break;
                }
                op = '@';
                p++;
            } else if (StatementSyntax.isOperator(c)) {
                if (StatementSyntax.isOperator(op)) {
                    op = 0;
                    break;
                }
                op = c;
            } else if (!Ascii.isSpace(c)) {
                break;
            }
            p++;
        }
        if (p >= line.length() && !StatementSyntax.isOperator(op)) {
            throw site.error("use " + origin + ": statement is not NAME = value: " + line);
        }
        String rhs = line.substring(StatementSyntax.skipSpace(line, p));
        if (op == ':' && (Ascii.equalsIgnoreCase(name, "error") || Ascii.equalsIgnoreCase(name, "warning"))) {
            String message = expandOrFail(rhs, site);
            if (Ascii.equalsIgnoreCase(name, "error")) {
                throw site.error("Error: " + message);
            }
            state.warn(site + ": Warning: " + message);
            return null;
        }
        if (isUse) {
            if (depth >= ConfigLimits.MAX_NESTING_DEPTH) {
                throw site.error("use " + name + ":" + rhs + ": metaknobs nested too deep");
            }
            apply(name, rhs, depth + 1, site);
            return null;
        }
        if (!Ascii.isValidName(name)) {
            throw site.error("metaknob statement with an illegal knob name <" + name + ">: " + line);
        }
        if (op == '@') {
            return new HereDocument(name, rhs, site.line());
        }
        assign(name, rhs, origin);
        return null;
    }

    private void assign(String name, String rhs, ValueOrigin origin) throws ConfigException {
        try {
            state.expander().assign(name, rhs, origin);
        } catch (EvaluationException e) {
            throw origin.error(name + ": " + e.getMessage());
        }
    }

    private String expandOrFail(String text, ValueOrigin site) throws ConfigException {
        try {
            return state.expander().expand(text, "a message");
        } catch (EvaluationException e) {
            throw site.error(e.getMessage());
        }
    }
}
