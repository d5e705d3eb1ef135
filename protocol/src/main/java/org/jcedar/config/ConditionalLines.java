package org.jcedar.config;

/**
 * Handles the {@code if}, {@code elif}, {@code else} and {@code endif} lines of one file or metaknob body,
 * keeping its {@link IfStack}.
 */
final class ConditionalLines {
    private final IfStack stack = new IfStack();
    private final IfCondition conditions;

    ConditionalLines(IfCondition conditions) {
        this.conditions = conditions;
    }

    /**
     * Whether {@code line} is one of the four keywords (then it has been applied). A condition that is not
     * valid, or a keyword out of place, is reported at {@code site}.
     */
    boolean handle(String line, ValueOrigin site) throws ConfigException {
        try {
            return apply(line);
        } catch (EvaluationException e) {
            throw site.error(e.getMessage());
        }
    }

    private boolean apply(String line) throws EvaluationException {
        if (StatementSyntax.isKeywordLine(line, "if")) {
            String expr = line.substring(StatementSyntax.skipSpace(line, 2));
            boolean taken = stack.enabled() && test("if", expr);
            if (!stack.beginIf(taken)) {
                throw new EvaluationException("if nesting too deep (at most " + ConfigLimits.MAX_IF_DEPTH
                        + " levels)");
            }
            return true;
        }
        if (StatementSyntax.isKeywordLine(line, "else")) {
            if (!stack.beginElse()) {
                throw new EvaluationException(stack.insideElse() ? "else is not allowed after else"
                        : "else without matching if");
            }
            return true;
        }
        if (StatementSyntax.isKeywordLine(line, "elif")) {
            String expr = line.substring(StatementSyntax.skipSpace(line, 4));
            boolean taken = stack.elifWouldBeEvaluated() && test("elif", expr);
            if (!stack.beginElif(taken)) {
                throw new EvaluationException(stack.insideElse() ? "elif is not allowed after else"
                        : "elif without matching if");
            }
            return true;
        }
        if (StatementSyntax.isKeywordLine(line, "endif")) {
            if (!stack.endIf()) {
                throw new EvaluationException("endif without matching if");
            }
            return true;
        }
        return false;
    }

    /** Whether lines here count (every enclosing branch is taken). */
    boolean enabled() {
        return stack.enabled();
    }

    boolean insideIf() {
        return stack.insideIf();
    }

    private boolean test(String keyword, String expr) throws EvaluationException {
        try {
            return conditions.test(expr);
        } catch (EvaluationException e) {
            throw new EvaluationException(keyword + " " + expr + ": " + e.getMessage());
        }
    }
}
