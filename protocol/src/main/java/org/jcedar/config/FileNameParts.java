package org.jcedar.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The file name macro functions: {@code $BASENAME(x)}, {@code $DIRNAME(x)} and {@code $F<flags>(x)}, which keep
 * parts of a path. Flags: {@code p} the directory, {@code d} one parent directory per d, {@code n} the name
 * without extension, {@code x} the extension, {@code b} bare (no trailing slash, no leading dot), {@code q} and
 * {@code a} quote the result (double, or single for arguments), {@code w}/{@code u} turn separators into
 * {@code \} or {@code /}, {@code f} full path (a no-op for configuration, which has no working directory).
 * Incoming quotes are removed. Selection follows HTCondor's rules, including their odd corners.
 */
final class FileNameParts {
    private static final int EXTENSION = 1;
    private static final int NAME = 2;
    private static final int PATH = 4;
    private static final int DIRS = 8;

    private FileNameParts() {
    }

    static String select(MacroReference ref, String value) {
        int parts = 0;
        int dirs = 0;
        boolean quoted = false;
        boolean argumentQuotes = false;
        boolean bare = false;
        char toSeparator = 0;
        if (ref.function() == MacroFunction.BASENAME) {
            parts = EXTENSION | NAME;
        } else if (ref.function() == MacroFunction.DIRNAME) {
            parts = PATH;
        } else {
            for (char flag : ref.prefix().substring(1).toLowerCase(java.util.Locale.ROOT).toCharArray()) {
                switch (flag) {
                    case 'x': parts |= EXTENSION; break;
                    case 'n': parts |= NAME; break;
                    case 'p': parts |= PATH; break;
                    case 'd': parts |= DIRS; dirs++; break;
                    case 'a': argumentQuotes = true; break;
                    case 'b': bare = true; break;
                    case 'w': toSeparator = '\\'; break;
                    case 'u': toSeparator = '/'; break;
                    case 'q': quoted = true; break;
                    default: break; // 'f': no working directory to prefix
                }
            }
        }
        char quote = quoted ? (argumentQuotes ? '\'' : '"') : 0;
        String text = unquoted(value);
        boolean asPath = parts != 0 || toSeparator != 0 || bare;
        char[] buf = requoted(text, quote, asPath ? toSeparator : 0);

        int end = length(buf);
        int nameStart = basenameStart(buf, end);
        int extension = extensionStart(buf, nameStart, end);
        if (nameStart == 0 && (parts & (NAME | EXTENSION)) != 0) {
            parts &= ~(PATH | DIRS);
        }
        int start;
        switch (parts & 0xF) {
            case EXTENSION:
                start = extension;
                if (bare && extension < end) {
                    start++;
                }
                break;
            case NAME | EXTENSION:
                start = nameStart;
                break;
            case NAME:
                start = nameStart;
                end = extension;
                break;
            case 0:
            case PATH | NAME | EXTENSION:
            case PATH | EXTENSION:
                start = 0;
                break;
            case PATH:
                start = 0;
                end = bare && nameStart > 0 ? nameStart - 1 : nameStart;
                break;
            case PATH | NAME:
                start = 0;
                end = extension;
                break;
            default:
                if (nameStart > 0) {
                    start = withParentDirs(buf, end, dirs);
                    if ((parts & 3) == NAME) {
                        end = extension;
                    } else if ((parts & 3) == 0) {
                        end = bare ? nameStart - 1 : nameStart;
                    }
                } else {
                    start = 1;
                    end = 1;
                }
                break;
        }
        if (quoted) {
            if (buf[start] != quote) {
                buf[--start] = quote;
            }
            if (end > 1 && buf[end - 1] == quote) {
                end--;
            }
            buf[end++] = quote;
        }
        return new String(buf, start, Math.max(0, end - start));
    }

    /** The value without one pair of surrounding double or single quotes. */
    private static String unquoted(String s) {
        int n = s.length();
        if (n > 1 && s.charAt(0) == s.charAt(n - 1) && (s.charAt(0) == '"' || s.charAt(0) == '\'')) {
            return s.substring(1, n - 1);
        }
        return s;
    }

    /**
     * The text without a leading double quote (or {@code quote}) and the same character at its end, inside
     * {@code quote}s if one is given, with separators turned into {@code toSeparator}; padded with NULs so the
     * selection may add quotes around any part.
     */
    private static char[] requoted(String s, char quote, char toSeparator) {
        int begin = 0;
        int end = s.length();
        char leading = 0;
        if (end > 0 && (s.charAt(0) == '"' || (quote != 0 && s.charAt(0) == quote))) {
            leading = s.charAt(0);
            begin = 1;
        }
        if (end > begin && leading != 0 && s.charAt(end - 1) == leading) {
            end--;
        }
        StringBuilder out = new StringBuilder(end - begin + 2);
        if (quote != 0) {
            out.append(quote);
        }
        out.append(s, begin, end);
        if (quote != 0) {
            out.append(quote);
        }
        char[] buf = new char[out.length() + 3];
        out.getChars(0, out.length(), buf, 0);
        if (toSeparator != 0) {
            char other = toSeparator == '/' ? '\\' : '/';
            for (int i = 0; i < out.length(); i++) {
                if (buf[i] == other) {
                    buf[i] = toSeparator;
                }
            }
        }
        return buf;
    }

    private static int length(char[] buf) {
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return n;
    }

    /** Index after the last '/', or 0. */
    private static int basenameStart(char[] buf, int end) {
        int start = 0;
        for (int i = 0; i < end; i++) {
            if (buf[i] == '/') {
                start = i + 1;
            }
        }
        return start;
    }

    /** Index of the last '.' after the first character of the name, or {@code end}. */
    private static int extensionStart(char[] buf, int nameStart, int end) {
        for (int i = end; i > nameStart; i--) {
            if (i < end && buf[i] == '.') {
                return i;
            }
        }
        return end;
    }

    /** Index of the name with {@code dirs} parent directories before it ('/' and '\' both separate). */
    private static int withParentDirs(char[] buf, int end, int dirs) {
        List<Integer> afterSeparators = new ArrayList<>();
        int i = 0;
        if (end > 1 && buf[0] == '\\' && buf[1] == '\\') {
            i = end > 3 && buf[2] == '.' && buf[3] == '\\' ? 4 : 2;
            afterSeparators.add(i);
        }
        for (; i < end; i++) {
            if (buf[i] == '\\' || buf[i] == '/') {
                afterSeparators.add(i + 1);
            }
        }
        int keep = afterSeparators.size() - dirs;
        return keep > 0 ? afterSeparators.get(keep - 1) : 0;
    }
}
