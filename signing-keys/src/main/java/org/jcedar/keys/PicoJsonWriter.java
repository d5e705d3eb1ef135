package org.jcedar.keys;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serialises a flat JSON object the way HTCondor's jwt-cpp/picojson does, so that tokens we mint are
 * byte-identical to HTCondor's (30 §2.2). No JSON library reproduces it (nimbus/Gson neither sort keys nor
 * escape '/'): members in byte-sorted key order, compact; strings escape {@code " \ /} and
 * {@code \b \f \n \r \t}, other bytes below 0x20 and 0x7F as a backslash-u escape with four lowercase
 * hex digits, everything else (UTF-8 included) raw; integers in plain decimal.
 */
public final class PicoJsonWriter {
    private PicoJsonWriter() {
    }

    /** Values must be {@link String} or {@link Long}. Keys are sorted by their UTF-8 bytes. */
    public static byte[] object(Map<String, Object> members) {
        TreeMap<String, Object> sorted = new TreeMap<>(PicoJsonWriter::compareUtf8);
        sorted.putAll(members);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write('{');
        boolean first = true;
        for (Map.Entry<String, Object> member : sorted.entrySet()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            string(out, member.getKey());
            out.write(':');
            Object value = member.getValue();
            if (value instanceof String text) {
                string(out, text);
            } else if (value instanceof Long number) {
                out.writeBytes(number.toString().getBytes(StandardCharsets.US_ASCII));
            } else {
                throw new IllegalArgumentException("unsupported JSON value type for " + member.getKey());
            }
        }
        out.write('}');
        return out.toByteArray();
    }

    private static void string(ByteArrayOutputStream out, String text) {
        out.write('"');
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            switch (c) {
                case '"' -> out.writeBytes(new byte[] {'\\', '"'});
                case '\\' -> out.writeBytes(new byte[] {'\\', '\\'});
                case '/' -> out.writeBytes(new byte[] {'\\', '/'});
                case '\b' -> out.writeBytes(new byte[] {'\\', 'b'});
                case '\f' -> out.writeBytes(new byte[] {'\\', 'f'});
                case '\n' -> out.writeBytes(new byte[] {'\\', 'n'});
                case '\r' -> out.writeBytes(new byte[] {'\\', 'r'});
                case '\t' -> out.writeBytes(new byte[] {'\\', 't'});
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.writeBytes(String.format("\\u%04x", c).getBytes(StandardCharsets.US_ASCII));
                    } else {
                        out.write(c);
                    }
                }
            }
        }
        out.write('"');
    }

    private static int compareUtf8(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
