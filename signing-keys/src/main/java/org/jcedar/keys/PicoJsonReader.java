package org.jcedar.keys;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses a JWT header or payload exactly as HTCondor's jwt-cpp does with picojson, because which tokens
 * HTCondor accepts (and which lines condor_token_list prints) depends on picojson's own rules, which no JSON
 * library on Maven Central reproduces (nimbus's bundled Gson is lenient in other ways): the first value is
 * parsed after leading whitespace and anything after it is ignored; duplicate keys keep the last value;
 * numbers are any run of {@code 0-9 + - . e E} that C's strtoimax (then strtod) consumes fully, so
 * {@code 01} is the integer 1; strings take raw bytes >= 0x20 (no UTF-8 validation), the escapes
 * {@code \" \\ \/ \b \f \n \r \t \\uXXXX} and only well-formed surrogate pairs.
 *
 * <p>Values: {@code Map<String,Object>} (object), {@code List<Object>}, {@code String}, {@code Long} (integer
 * that fits 64 bits), {@code Double}, {@code Boolean}, {@link #NULL}. Strings are decoded as UTF-8 with
 * replacement characters. Nesting deeper than {@value #MAX_DEPTH} is refused (picojson only stops when the
 * C stack runs out).
 */
public final class PicoJsonReader {
    /** The JSON {@code null} value (maps do not hold Java nulls). */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };
    static final int MAX_DEPTH = 256;
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("-?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private final byte[] in;
    private final String part;
    private int pos;

    private PicoJsonReader(byte[] in, String part) {
        this.in = in;
        this.part = part;
    }

    /**
     * Parses {@code json} (the decoded {@code part} of a token, named in errors) and requires an object.
     */
    public static Map<String, Object> readObject(byte[] json, String part) throws MalformedTokenException {
        PicoJsonReader reader = new PicoJsonReader(json, part);
        Object value = reader.value(0);
        if (!(value instanceof Map)) {
            throw new MalformedTokenException("token " + part + " is JSON but not an object", part, 0);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) value;
        return object;
    }

    private Object value(int depth) throws MalformedTokenException {
        if (depth > MAX_DEPTH) {
            throw error("JSON nested deeper than " + MAX_DEPTH + " levels");
        }
        skipWhitespace();
        int start = pos;
        int ch = next();
        switch (ch) {
            case 'n':
                return literal("ull", NULL, start);
            case 't':
                return literal("rue", Boolean.TRUE, start);
            case 'f':
                return literal("alse", Boolean.FALSE, start);
            case '"':
                return string();
            case '[':
                return array(depth);
            case '{':
                return object(depth);
            default:
                if ((ch >= '0' && ch <= '9') || ch == '-') {
                    pos = start;
                    return number();
                }
                pos = start;
                throw error(ch < 0 ? "JSON text ends where a value should start" : "no JSON value starts here");
        }
    }

    private Object literal(String rest, Object value, int start) throws MalformedTokenException {
        for (int i = 0; i < rest.length(); i++) {
            if (next() != rest.charAt(i)) {
                pos = start;
                throw error("invalid JSON literal");
            }
        }
        return value;
    }

    private Object number() throws MalformedTokenException {
        int start = pos;
        while (pos < in.length && isNumberByte(in[pos])) {
            pos++;
        }
        String text = new String(in, start, pos - start, StandardCharsets.US_ASCII);
        if (INTEGER.matcher(text).matches()) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException outOfRange) {
                // strtoimax overflows: picojson falls back to a double, as below
            }
        }
        if (DECIMAL.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        pos = start;
        throw error("invalid JSON number " + text);
    }

    private static boolean isNumberByte(byte b) {
        return (b >= '0' && b <= '9') || b == '+' || b == '-' || b == '.' || b == 'e' || b == 'E';
    }

    private String string() throws MalformedTokenException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            int ch = next();
            if (ch < ' ') {
                pos--;
                throw error(ch < 0 ? "unterminated JSON string" : "control character in a JSON string");
            } else if (ch == '"') {
                return out.toString(StandardCharsets.UTF_8);
            } else if (ch == '\\') {
                escape(out);
            } else {
                out.write(ch);
            }
        }
    }

    private void escape(ByteArrayOutputStream out) throws MalformedTokenException {
        int ch = next();
        switch (ch) {
            case '"', '\\', '/' -> out.write(ch);
            case 'b' -> out.write('\b');
            case 'f' -> out.write('\f');
            case 'n' -> out.write('\n');
            case 'r' -> out.write('\r');
            case 't' -> out.write('\t');
            case 'u' -> {
                int codePoint = codePoint();
                byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                out.write(utf8, 0, utf8.length);
            }
            default -> {
                pos--;
                throw error("invalid escape in a JSON string");
            }
        }
    }

    private int codePoint() throws MalformedTokenException {
        int unit = quadHex();
        if (unit < 0xd800 || unit > 0xdfff) {
            return unit;
        }
        if (unit >= 0xdc00) {
            throw error("lone low surrogate in a JSON string");
        }
        if (next() != '\\' || next() != 'u') {
            throw error("high surrogate without a following \\u escape");
        }
        int low = quadHex();
        if (low < 0xdc00 || low > 0xdfff) {
            throw error("high surrogate not followed by a low surrogate");
        }
        return 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
    }

    private int quadHex() throws MalformedTokenException {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(next(), 16);
            if (digit < 0) {
                throw error("invalid \\u escape in a JSON string");
            }
            value = value * 16 + digit;
        }
        return value;
    }

    private List<Object> array(int depth) throws MalformedTokenException {
        List<Object> list = new ArrayList<>();
        if (expect(']')) {
            return list;
        }
        do {
            list.add(value(depth + 1));
        } while (expect(','));
        require(']', "expected , or ] in a JSON array");
        return list;
    }

    private Map<String, Object> object(int depth) throws MalformedTokenException {
        Map<String, Object> map = new LinkedHashMap<>();
        if (expect('}')) {
            return map;
        }
        do {
            require('"', "expected a string key in a JSON object");
            String key = string();
            require(':', "expected : after a JSON object key");
            map.put(key, value(depth + 1));
        } while (expect(','));
        require('}', "expected , or } in a JSON object");
        return map;
    }

    private boolean expect(char wanted) {
        skipWhitespace();
        if (pos < in.length && in[pos] == wanted) {
            pos++;
            return true;
        }
        return false;
    }

    private void require(char wanted, String message) throws MalformedTokenException {
        if (!expect(wanted)) {
            throw error(message);
        }
    }

    private void skipWhitespace() {
        while (pos < in.length && (in[pos] == ' ' || in[pos] == '\t' || in[pos] == '\n' || in[pos] == '\r')) {
            pos++;
        }
    }

    /** The next byte (0..255), or -1 past the end; advances either way so that {@code pos--} undoes it. */
    private int next() {
        int ch = pos < in.length ? in[pos] & 0xff : -1;
        pos++;
        return ch;
    }

    private MalformedTokenException error(String message) {
        int offset = Math.min(pos, in.length);
        return new MalformedTokenException("token " + part + ": " + message, part, offset);
    }
}
