package org.jcedar.config;

/** Small pieces of statement syntax shared by the file parser and the metaknob parser. */
final class StatementSyntax {
    private StatementSyntax() {
    }

    /** HTCondor's assignment operators: {@code =} and the obsolete {@code :}. */
    static boolean isOperator(char c) {
        return c == '=' || c == ':';
    }

    /** Whether {@code line} is the keyword {@code word} alone or followed by white space. */
    static boolean isKeywordLine(String line, String word) {
        return Ascii.startsWithIgnoreCase(line, word)
                && (line.length() == word.length() || Ascii.isSpace(line.charAt(word.length())));
    }

    static int skipSpace(String s, int from) {
        int p = from;
        while (p < s.length() && Ascii.isSpace(s.charAt(p))) {
            p++;
        }
        return p;
    }

    static boolean isBlank(String s) {
        return skipSpace(s, 0) == s.length();
    }
}
