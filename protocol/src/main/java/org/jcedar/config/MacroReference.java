package org.jcedar.config;

/**
 * One {@code $(...)} or {@code $FUNCTION(...)} reference found in a value: where it starts (the {@code $}), where
 * it ends (just after the closing parenthesis), which function it calls and the text between the parentheses.
 */
record MacroReference(int start, int end, MacroFunction function, String prefix, String body) {

    /** For {@code $(NAME:default)} and {@code $ENV(NAME:default)}: the part before the first colon. */
    String name() {
        int colon = body.indexOf(':');
        return colon < 0 ? body : body.substring(0, colon);
    }

    /** For {@code $(NAME:default)} and {@code $ENV(NAME:default)}: the part after the first colon, or null. */
    String defaultValue() {
        int colon = body.indexOf(':');
        return colon < 0 ? null : body.substring(colon + 1);
    }
}
