package org.jcedar.keys;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** picojson reader and writer on arbitrary input. */
class PicoJsonProperties {
    @Property
    void arbitraryBytesParseOrFailTyped(@ForAll byte[] json) {
        try {
            PicoJsonReader.readObject(json, "payload");
        } catch (MalformedTokenException expected) {
            // the only failure allowed
        }
    }

    @Property
    void jsonLikeBytesParseOrFailTyped(@ForAll("jsonish") String json) {
        try {
            PicoJsonReader.readObject(json.getBytes(StandardCharsets.ISO_8859_1), "payload");
        } catch (MalformedTokenException expected) {
            // the only failure allowed
        }
    }

    @Property
    void writtenObjectsReadBack(@ForAll("wellFormedStrings") String key, @ForAll("wellFormedStrings") String text,
                                @ForAll long number) throws Exception {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put(key, text);
        members.put(key + "#n", number);
        Map<String, Object> read = PicoJsonReader.readObject(PicoJsonWriter.object(members), "payload");
        if (!read.equals(members)) {
            throw new AssertionError(read + " != " + members);
        }
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings().withChars("{}[]\",:\\/ntrufalse0123456789.eE+-ud8\u0000\t\n\u00ff").ofMaxLength(60);
    }

    @Provide
    Arbitrary<String> wellFormedStrings() {
        return Arbitraries.strings().all().ofMaxLength(20)
                .filter(s -> new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(s));
    }
}
