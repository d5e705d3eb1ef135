package org.jcedar.address;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.MessageReader;
import org.jcedar.testing.Capture;
import org.jcedar.testing.Captures;
import org.jcedar.testing.RecordedSession;

/** Sinful strings that real HTCondor printed: in the captures, the recorded AES session, and extra pools. */
final class RealSinfuls {
    private static final Pattern QUOTED_SINFUL = Pattern.compile("\"(<[^\"]*>)\"");

    private RealSinfuls() {
    }

    /** Every distinct sinful in the captures' ClassAds (MyAddress, ConnectSinful, ScheddIpAddr, ...). */
    static Set<String> fromCaptures() {
        Set<String> sinfuls = new LinkedHashSet<>();
        for (Capture capture : Captures.all()) {
            capture.transcript().forEach(connection -> connection.get("messages").forEach(message ->
                    message.get("items").forEach(item -> {
                        Matcher m = QUOTED_SINFUL.matcher(item.get("value").asText());
                        while (m.find()) {
                            sinfuls.add(m.group(1));
                        }
                    })));
        }
        return sinfuls;
    }

    /** The collector's MyAddress (IPv4 and IPv6 in addrs) from the decrypted query answer of 10 Appendix A. */
    static String fromAppendixA() throws CedarException {
        RecordedSession session = RecordedSession.load(RecordedSession.APPENDIX_A);
        byte[] answer = session.packets().get(session.packets().size() - 1).plaintext();
        MessageReader reader = new MessageReader(answer, true);
        reader.getLong(); // more
        int attributes = reader.getInt();
        for (int i = 0; i < attributes; i++) {
            Matcher m = QUOTED_SINFUL.matcher(reader.getString());
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no sinful in the recorded answer");
    }

    /** Rows of extra-htcondor-23/my-addresses.tsv: pool, MyType, MyAddress. */
    static List<String[]> extraPools() {
        List<String[]> rows = new ArrayList<>();
        try (var in = RealSinfuls.class.getResourceAsStream("/vectors/extra-htcondor-23/my-addresses.tsv")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(line -> rows.add(line.split("\t")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return rows;
    }

    static String extraPool(String pool, String myType) {
        return extraPools().stream().filter(row -> row[0].equals(pool) && row[1].equals(myType)).findFirst()
                .orElseThrow()[2];
    }

    /** All of the above. */
    static List<String> all() throws CedarException {
        List<String> all = new ArrayList<>(fromCaptures());
        all.add(fromAppendixA());
        extraPools().forEach(row -> all.add(row[2]));
        return all;
    }
}
