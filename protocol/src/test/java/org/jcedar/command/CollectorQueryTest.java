package org.jcedar.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageReader;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.classad.ClassAd;
import org.jcedar.testing.Capture;
import org.jcedar.testing.CapturedConnection;
import org.jcedar.testing.Captures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The location query and its answer against scenario d of both versions: {@code condor_token_fetch -name
 * anchor-schedd@localhost -pool ...} asked the collector for the schedd before fetching the token.
 */
class CollectorQueryTest {
    private static final String SCHEDD = "anchor-schedd@localhost";

    private static CapturedConnection collectorConnection(String version) {
        Capture capture = Captures.load(version, "d-fetch-name-pool");
        CapturedConnection connection = capture.connections().get(0);
        assertEquals("collector", connection.serverRole());
        return connection;
    }

    /** The client message that carries the query ad (the last one the tool sent the collector). */
    private static byte[] capturedQuery(String version) throws CedarException {
        List<byte[]> messages = collectorConnection(version).clientMessages();
        return messages.get(messages.size() - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"htcondor-23", "htcondor-25"})
    void locationQueryAdIsByteForByteWhatTheRealToolSent(String version) throws CedarException {
        List<String> extra = version.equals("htcondor-23") ? List.of("ScheddIpAddr")
                : List.of("ScheddIpAddr", "CredDIpAddr");
        CollectorQuery query = CollectorQuery.locate(CommandNumbers.QUERY_SCHEDD_ADS, "Scheduler", "Name", SCHEDD,
                SCHEDD, extra);
        MessageWriter writer = new MessageWriter(false);
        ClassAdWire.write(writer, query.toAd());
        assertArrayEquals(capturedQuery(version), writer.toByteArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"htcondor-23", "htcondor-25"})
    void collectorAnswerReadsAsOneScheddAdAndWritesBackToTheSameBytes(String version) throws CedarException {
        List<byte[]> messages = collectorConnection(version).serverMessages();
        byte[] answer = messages.get(messages.size() - 1);
        List<ClassAd> ads = CollectorQueryReply.read(new MessageReader(answer, false));
        assertEquals(1, ads.size());
        assertEquals(SCHEDD, ads.get(0).getString("Name").orElseThrow());
        assertEquals(ads.get(0).getString("MyAddress"), ads.get(0).getString("ScheddIpAddr"));
        MessageWriter writer = new MessageWriter(false);
        CollectorQueryReply.write(writer, ads);
        assertArrayEquals(answer, writer.toByteArray());
    }

    @Test
    void emptyAnswerIsJustTheFinalZero() throws CedarException {
        byte[] empty = new MessageWriter(true).putInt(0).toByteArray();
        assertEquals(List.of(), CollectorQueryReply.read(new MessageReader(empty, true)));
    }

    @Test
    void moreFlagOtherThanZeroOrOneIsRejectedWithItsOffset() {
        byte[] bad = new MessageWriter(false).putInt(7).toByteArray();
        CedarException e = assertThrows(CedarException.class,
                () -> CollectorQueryReply.read(new MessageReader(bad, false)));
        assertEquals(0, e.offset());
    }

    @Test
    void bytesAfterTheFinalZeroAreRejected() {
        byte[] trailing = new MessageWriter(false).putInt(0).putInt(0).toByteArray();
        assertThrows(CedarException.class, () -> CollectorQueryReply.read(new MessageReader(trailing, false)));
    }
}
