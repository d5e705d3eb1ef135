package org.jcedar.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageReader;
import org.jcedar.classad.ClassAd;
import org.jcedar.testing.CapturedConnection;
import org.jcedar.testing.Captures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The location query real condor_token_fetch 23.9.6 and 25.14.1 sent to a real collector (capture
 * d-fetch-name-pool, plaintext pool) and the collector's answer: our collector, holding the ad the real one held
 * (the answered attributes, plus others the projection leaves out, a private one among them) and another schedd,
 * answers with the very bytes of the real collector.
 */
class CollectorQueryCaptureTest {
    private static final Instant NOW = Instant.ofEpochSecond(1_795_822_901L);

    @ParameterizedTest
    @ValueSource(strings = {"htcondor-23", "htcondor-25"})
    void theLocationQueryIsAnsweredWithTheRealCollectorsBytes(String version) throws Exception {
        CapturedConnection toCollector = Captures.load(version, "d-fetch-name-pool").connections().get(0);
        // The query and its answer are the last message of each side (23.x authenticates before them, 25.x not).
        List<byte[]> sent = toCollector.clientMessages();
        List<byte[]> received = toCollector.serverMessages();
        byte[] queryMessage = sent.get(sent.size() - 1);
        byte[] realAnswer = received.get(received.size() - 1);
        MessageReader queryReader = new MessageReader(queryMessage, false);
        ClassAd queryAd = ClassAdWire.read(queryReader);
        queryReader.expectEnd();
        List<ClassAd> answered = CollectorQueryReply.read(new MessageReader(realAnswer, false));
        assertEquals(1, answered.size());
        ClassAd realSchedd = answered.get(0);

        CollectorAds ads = new CollectorAds(new CollectorAds.Settings(900, 100));
        ClassAd stored = realSchedd.toBuilder().set("MyType", "Scheduler").set("TotalRunningJobs", 0)
                .set("_condor_PrivRemoteAdminCapability", "secret").set("Capability", "secret").build();
        ClassAd other = realSchedd.toBuilder().set("MyType", "Scheduler").set("Name", "other-schedd@localhost")
                .build();
        ads.update(AdTable.SCHEDULER, other, Optional.empty(), origin(), NOW);
        assertTrue(ads.update(AdTable.SCHEDULER, stored, Optional.empty(), origin(), NOW).stored());

        CollectorSearch query = CollectorSearch.parse(CollectorCommand.QUERY_SCHEDD_ADS, queryAd);
        assertTrue(query.locate());
        List<CollectorAds.Match> matches = ads.query(query, queryAd, false, NOW);

        assertArrayEquals(realAnswer, CollectorQueryReply.encode(matches, false));
    }

    private static CollectorAds.Origin origin() {
        return new CollectorAds.Origin("condor@cap.test", Optional.of("FS"));
    }
}
