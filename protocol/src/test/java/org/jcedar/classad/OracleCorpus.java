package org.jcedar.classad;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The recorded HTCondor ClassAd oracle (vectors/classad/oracle): corpus, context ads and results. */
final class OracleCorpus {
    private static final String ROOT = "/vectors/classad/oracle/";

    private OracleCorpus() {
    }

    static List<String> expressions() {
        return lines("corpus.txt");
    }

    /** The results recorded with one HTCondor version ("23.9.6" or "25.14.1"), one object per expression. */
    static List<JsonNode> records(String version) {
        ObjectMapper json = new ObjectMapper();
        return lines("oracle-" + version + ".jsonl").stream().map(line -> {
            try {
                return json.readTree(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    /** The text of my.ad: the MY ad every expression is evaluated in (with X = expression added). */
    static String myAdText() {
        return String.join("\n", lines("my.ad")) + "\n";
    }

    static ClassAd targetAd() {
        try {
            return ClassAdParser.parseLines(String.join("\n", lines("target.ad")));
        } catch (ClassAdSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> lines(String name) {
        try (InputStream in = OracleCorpus.class.getResourceAsStream(ROOT + name);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
