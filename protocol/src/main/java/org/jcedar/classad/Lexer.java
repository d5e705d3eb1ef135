package org.jcedar.classad;

import java.util.EnumSet;
import java.util.Set;

/**
 * HTCondor's ClassAd lexer in old-ClassAd mode with old semantics (lexer.cpp with SetOldClassAdLex and
 * _useOldClassAdSemantics, as daemons run): old string escaping, no octal or hexadecimal integers, a minus
 * that starts a number unless it follows a value, case-insensitive reserved words. Tokens are produced on
 * demand with one token of look-ahead, so an invalid token after a complete expression is never looked at.
 * A NUL character ends the input, as it ends HTCondor's C string.
 */
final class Lexer {
    private static final int EOF = -1;

    /** After these tokens a '-' is the subtraction operator, elsewhere it may start a negative number. */
    private static final Set<Token.Kind> VALUE_ENDS = EnumSet.of(Token.Kind.INTEGER, Token.Kind.REAL,
            Token.Kind.BOOLEAN, Token.Kind.STRING, Token.Kind.UNDEFINED, Token.Kind.ERROR, Token.Kind.IDENTIFIER,
            Token.Kind.SELECTION, Token.Kind.CLOSE_BOX, Token.Kind.CLOSE_PAREN, Token.Kind.CLOSE_BRACE);

    private final String text;
    private final int end;
    private int pos;
    private Token.Kind previous = Token.Kind.END_OF_INPUT;
    private Token lookahead;

    Lexer(String text, int start) {
        this.text = text;
        int nul = text.indexOf('\0');
        this.end = nul < 0 ? text.length() : nul;
        this.pos = start;
    }

    Token peek() {
        if (lookahead == null) {
            lookahead = load();
            previous = lookahead.kind();
        }
        return lookahead;
    }

    Token next() {
        Token token = peek();
        lookahead = null;
        return token;
    }

    private int at(int i) {
        return i < end ? text.charAt(i) : EOF;
    }

    private Token load() {
        while (true) {
            while (CStrings.isSpace(at(pos))) {
                pos++;
            }
            if (at(pos) != '/') {
                break;
            }
            if (at(pos + 1) == '/') {
                while (at(pos) != EOF && at(pos) != '\n') {
                    pos++;
                }
            } else if (at(pos + 1) == '*') {
                int close = text.indexOf("*/", pos + 2);
                if (close < 0 || close + 1 >= end) {
                    Token error = Token.of(Token.Kind.LEX_ERROR, pos);
                    pos = end;
                    return error;
                }
                pos = close + 2;
            } else {
                return Token.of(Token.Kind.DIVIDE, pos++);
            }
        }
        int c = at(pos);
        if (c == EOF) {
            return Token.of(Token.Kind.END_OF_INPUT, pos);
        }
        if (c == '-') {
            return VALUE_ENDS.contains(previous) ? punctuation() : number();
        }
        if (CStrings.isDigit(c) || c == '.') {
            return number();
        }
        if (CStrings.isAlpha(c) || c == '_') {
            return word();
        }
        if (c == '"' || c == '\'') {
            return quoted((char) c);
        }
        return punctuation();
    }

    private enum NumberType { NONE, INTEGER, REAL }

    /** Numbers, a minus that turns out not to start one, and the '.' of a selection (tokenizeNumber). */
    private Token number() {
        int start = pos;
        int i = pos;
        int first = at(i++);
        if (first == '-') {
            if (CStrings.isDigit(at(i))) {
                first = at(i++);
            } else if (at(i) != '.' || !CStrings.isDigit(at(i + 1))) {
                pos = start + 1;
                return Token.of(Token.Kind.MINUS, start);
            }
        }
        NumberType type = NumberType.NONE;
        if (first == '0') {
            if (CStrings.toLower(at(i)) == 'x') {
                type = NumberType.INTEGER;
                i++;
                if (!CStrings.isHexDigit(at(i))) {
                    return error(start, i);
                }
                while (CStrings.isHexDigit(at(i))) {
                    i++;
                }
            } else {
                type = NumberType.INTEGER;
                while (CStrings.isDigit(at(i))) {
                    if (!CStrings.isOctalDigit(at(i))) {
                        type = NumberType.REAL;
                    }
                    i++;
                }
                if (at(i) == '.' || CStrings.toLower(at(i)) == 'e') {
                    type = NumberType.REAL;
                } else if (type == NumberType.REAL) {
                    return error(start, i); // digits 8 or 9 in what can only be an octal constant
                }
            }
        } else if (CStrings.isDigit(first)) {
            while (CStrings.isDigit(at(i))) {
                i++;
            }
            type = at(i) == '.' || CStrings.toLower(at(i)) == 'e' ? NumberType.REAL : NumberType.INTEGER;
        }
        if (first == '.' || at(i) == '.') {
            if (at(i) == '.') {
                i++;
            }
            if (CStrings.isDigit(at(i))) {
                type = NumberType.REAL;
                while (CStrings.isDigit(at(i))) {
                    i++;
                }
            } else if (type != NumberType.NONE) {
                return error(start, i); // "3." and "3.e5": a '.' after digits needs a digit
            } else {
                pos = i;
                return Token.of(Token.Kind.SELECTION, start);
            }
        }
        if (type == NumberType.REAL && CStrings.toLower(at(i)) == 'e') {
            i++;
            if (at(i) == '+' || at(i) == '-') {
                i++;
            }
            if (!CStrings.isDigit(at(i))) {
                return error(start, i);
            }
            while (CStrings.isDigit(at(i))) {
                i++;
            }
        }
        pos = i;
        String image = text.substring(start, i);
        if (type == NumberType.INTEGER) {
            if (image.charAt(0) == '0' && image.length() > 1) {
                return Token.of(Token.Kind.LEX_ERROR, start); // old semantics: no octal or hex constants
            }
            return new Token(Token.Kind.INTEGER, start, image, Value.of(decimalPrefix(image)));
        }
        return new Token(Token.Kind.REAL, start, image, Value.of(CStrings.strtod(image).value()));
    }

    private Token error(int start, int resume) {
        pos = resume;
        return Token.of(Token.Kind.LEX_ERROR, start);
    }

    /**
     * std::from_chars(base 10) as HTCondor converts an integer token: an optional '-' and the decimal digits
     * that follow ("-0x1F" reads as -0); 0 when there are none or the number does not fit 64 bits.
     */
    private static long decimalPrefix(String image) {
        boolean negative = image.startsWith("-");
        long value = 0;
        for (int i = negative ? 1 : 0; i < image.length() && CStrings.isDigit(image.charAt(i)); i++) {
            int digit = image.charAt(i) - '0';
            long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
            if (value < (limit + digit) / 10) {
                return 0;
            }
            value = value * 10 - digit; // accumulate negatively: |Long.MIN_VALUE| has no positive twin
        }
        return negative ? value : -value;
    }

    /** Identifiers and the reserved words true, false, undefined, error, is, isnt (tokenizeAlphaHead). */
    private Token word() {
        int start = pos;
        int i = pos;
        while (CStrings.isAlpha(at(i))) {
            i++;
        }
        if (CStrings.isDigit(at(i)) || at(i) == '_') {
            i++;
            while (CStrings.isAlnum(at(i)) || at(i) == '_') {
                i++;
            }
            pos = i;
            String name = text.substring(start, i);
            return new Token(Token.Kind.IDENTIFIER, start, name, null);
        }
        pos = i;
        String word = text.substring(start, i);
        String folded = CStrings.toLowerAscii(word);
        return switch (folded) {
            case "is" -> Token.of(Token.Kind.META_EQUAL, start);
            case "isnt" -> Token.of(Token.Kind.META_NOT_EQUAL, start);
            case "true" -> new Token(Token.Kind.BOOLEAN, start, word, Value.of(true));
            case "false" -> new Token(Token.Kind.BOOLEAN, start, word, Value.of(false));
            case "undefined" -> new Token(Token.Kind.UNDEFINED, start, word, Value.UNDEFINED);
            case "error" -> new Token(Token.Kind.ERROR, start, word, Value.ERROR);
            default -> new Token(Token.Kind.IDENTIFIER, start, word, null);
        };
    }

    /**
     * A "string" or a 'quoted name' with old-syntax escaping (tokenizeStringOld): a backslash only escapes
     * the delimiter, and not when the delimiter is the last character of the input or of its line - then
     * the text ends there and keeps the backslash ("C:\" is C:\).
     */
    private Token quoted(char delimiter) {
        int start = pos;
        int i = pos + 1;
        StringBuilder content = new StringBuilder();
        while (true) {
            int last = 0;
            while (at(i) != EOF && at(i) != delimiter) {
                last = at(i);
                content.append((char) last);
                i++;
            }
            if (at(i) == EOF) {
                pos = end;
                return Token.of(Token.Kind.LEX_ERROR, start); // unterminated
            }
            if (last == '\\' && at(i + 1) != EOF && at(i + 1) != '\n') {
                content.setCharAt(content.length() - 1, delimiter);
                i++;
                continue;
            }
            pos = i + 1;
            String value = content.toString();
            return delimiter == '"'
                    ? new Token(Token.Kind.STRING, start, value, Value.of(value))
                    : new Token(Token.Kind.IDENTIFIER, start, value, null);
        }
    }

    /** Operators and punctuation (tokenizePunctOperator). */
    private Token punctuation() {
        int start = pos;
        int c = at(pos++);
        Token.Kind kind = switch (c) {
            case '.' -> Token.Kind.SELECTION;
            case '*' -> Token.Kind.TIMES;
            case '/' -> Token.Kind.DIVIDE;
            case '%' -> Token.Kind.MODULUS;
            case '+' -> Token.Kind.PLUS;
            case '-' -> Token.Kind.MINUS;
            case '~' -> Token.Kind.BITWISE_NOT;
            case '^' -> Token.Kind.BITWISE_XOR;
            case '?' -> questionMark();
            case ':' -> Token.Kind.COLON;
            case ';' -> Token.Kind.SEMICOLON;
            case ',' -> Token.Kind.COMMA;
            case '[' -> Token.Kind.OPEN_BOX;
            case ']' -> Token.Kind.CLOSE_BOX;
            case '(' -> Token.Kind.OPEN_PAREN;
            case ')' -> Token.Kind.CLOSE_PAREN;
            case '{' -> Token.Kind.OPEN_BRACE;
            case '}' -> Token.Kind.CLOSE_BRACE;
            case '&' -> follows('&') ? Token.Kind.LOGICAL_AND : Token.Kind.BITWISE_AND;
            case '|' -> follows('|') ? Token.Kind.LOGICAL_OR : Token.Kind.BITWISE_OR;
            case '<' -> follows('=') ? Token.Kind.LESS_OR_EQUAL
                    : follows('<') ? Token.Kind.LEFT_SHIFT : Token.Kind.LESS;
            case '>' -> greaterThan();
            case '=' -> equalsSign();
            case '!' -> follows('=') ? Token.Kind.NOT_EQUAL : Token.Kind.LOGICAL_NOT;
            default -> Token.Kind.LEX_ERROR;
        };
        return Token.of(kind, start);
    }

    private boolean follows(char c) {
        if (at(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** '?' or, when only white space separates it from a ':', the Elvis operator '?:'. */
    private Token.Kind questionMark() {
        while (CStrings.isSpace(at(pos))) {
            pos++;
        }
        return follows(':') ? Token.Kind.ELVIS : Token.Kind.QUESTION_MARK;
    }

    private Token.Kind greaterThan() {
        if (follows('=')) {
            return Token.Kind.GREATER_OR_EQUAL;
        }
        if (follows('>')) {
            return follows('>') ? Token.Kind.UNSIGNED_RIGHT_SHIFT : Token.Kind.RIGHT_SHIFT;
        }
        return Token.Kind.GREATER;
    }

    private Token.Kind equalsSign() {
        if (follows('=')) {
            return Token.Kind.EQUAL;
        }
        if (follows('?')) {
            return follows('=') ? Token.Kind.META_EQUAL : Token.Kind.LEX_ERROR;
        }
        if (at(pos) == '!' && at(pos + 1) == '=') {
            pos += 2;
            return Token.Kind.META_NOT_EQUAL;
        }
        return Token.Kind.BOUND_TO;
    }
}
