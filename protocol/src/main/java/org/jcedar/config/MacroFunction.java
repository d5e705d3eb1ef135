package org.jcedar.config;

/**
 * What a {@code $...(} prefix in a configuration value calls. {@code $(NAME)} is a plain look-up; the others
 * are HTCondor's macro functions ({@code $ENV(...)}, {@code $INT(...)}, the {@code $F...(...)} file name family
 * and so on).
 */
enum MacroFunction {
    LOOKUP(""),
    ENV("ENV"),
    RANDOM_CHOICE("RANDOM_CHOICE"),
    RANDOM_INTEGER("RANDOM_INTEGER"),
    CHOICE("CHOICE"),
    SUBSTR("SUBSTR"),
    INT("INT"),
    REAL("REAL"),
    STRING("STRING"),
    EVAL("EVAL"),
    BASENAME("BASENAME"),
    DIRNAME("DIRNAME"),
    /** {@code $F(...)} with any of the letters p n x d q a b f w u after the F, e.g. {@code $Fpn(...)}. */
    FILENAME("F");

    private final String prefixName;

    MacroFunction(String prefixName) {
        this.prefixName = prefixName;
    }

    /**
     * The function named by the characters between {@code $} and {@code (}, or null if HTCondor does not
     * expand such a reference. Names are case-sensitive except for the letters after {@code $F}.
     */
    static MacroFunction named(String between) {
        if (between.isEmpty()) {
            return LOOKUP;
        }
        if (between.charAt(0) == 'F' && isFileNameFlags(between.substring(1))) {
            return FILENAME;
        }
        for (MacroFunction f : values()) {
            if (f != LOOKUP && f != FILENAME && f.prefixName.equals(between)) {
                return f;
            }
        }
        return null;
    }

    private static boolean isFileNameFlags(String flags) {
        for (int i = 0; i < flags.length(); i++) {
            if ("pnxdqabfwu".indexOf(Character.toLowerCase(flags.charAt(i))) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the body must look like {@code NAME} or {@code NAME:default} (else anything up to ')'). */
    boolean takesNameAndDefault() {
        return this == LOOKUP || this == ENV;
    }
}
