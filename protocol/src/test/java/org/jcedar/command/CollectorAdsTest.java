package org.jcedar.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageReader;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.classad.ClassAd;
import org.jcedar.classad.ClassAdParser;
import org.jcedar.testing.CapturedConnection;
import org.junit.jupiter.api.Test;

/** The collector's bookkeeping: keys, identity stamps, expiry, invalidation, private attributes, limits. */
class CollectorAdsTest {
    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);
    private static final CollectorAds.Origin SCHEDD = new CollectorAds.Origin("condor@pool.test", Optional.of("FS"));

    private final CollectorAds ads = new CollectorAds(new CollectorAds.Settings(900, 10));

    @Test
    void anUpdateReplacesTheAdWithTheSameKeyAndStampsTheSessionsIdentity() throws Exception {
        ads.update(AdTable.SCHEDULER, schedd("s1@host", "TotalIdleJobs = 1"), Optional.empty(), SCHEDD, NOW);
        CollectorAds.UpdateResult second = ads.update(AdTable.SCHEDULER,
                schedd("s1@host", "TotalIdleJobs = 2", "AuthenticatedIdentity = \"forged@evil\""), Optional.empty(),
                new CollectorAds.Origin("alice@pool.test", Optional.of("IDTOKENS")), NOW);

        assertTrue(second.stored(), second.description());
        List<ClassAd> all = queryAll(CollectorCommand.QUERY_SCHEDD_ADS, NOW);
        assertEquals(1, all.size());
        assertEquals(2L, all.get(0).getInteger("TotalIdleJobs").orElseThrow());
        assertEquals("alice@pool.test", all.get(0).getString("AuthenticatedIdentity").orElseThrow());
        assertEquals("IDTOKENS", all.get(0).getString("AuthenticationMethod").orElseThrow());
        assertEquals(NOW.getEpochSecond(), all.get(0).getInteger("LastHeardFrom").orElseThrow());
        assertEquals(1, ads.size());
    }

    @Test
    void anAdWithoutTheAttributesOfItsKeyIsRefused() throws Exception {
        ClassAd noAddress = ClassAdParser.parseLines("MyType = \"Scheduler\"\nName = \"s1@host\"\n");

        assertFalse(ads.update(AdTable.SCHEDULER, noAddress, Optional.empty(), SCHEDD, NOW).stored());
        assertEquals(0, ads.size());
    }

    @Test
    void adsExpireAfterTheirClassAdLifetimeOrTheDefault() throws Exception {
        ads.update(AdTable.SCHEDULER, schedd("short@host", "ClassAdLifetime = 10"), Optional.empty(), SCHEDD, NOW);
        ads.update(AdTable.SCHEDULER, schedd("default@host"), Optional.empty(), SCHEDD, NOW);

        assertEquals(2, queryAll(CollectorCommand.QUERY_SCHEDD_ADS, NOW.plusSeconds(10)).size());
        assertEquals(List.of("default@host"), names(queryAll(CollectorCommand.QUERY_SCHEDD_ADS, NOW.plusSeconds(11))));
        assertEquals(List.of(), names(queryAll(CollectorCommand.QUERY_SCHEDD_ADS, NOW.plusSeconds(901))));
    }

    @Test
    void anInvalidationCarryingTheKeyRemovesThatAd() throws Exception {
        ads.update(AdTable.SCHEDULER, schedd("s1@host"), Optional.empty(), SCHEDD, NOW);
        ads.update(AdTable.SCHEDULER, schedd("s2@host"), Optional.empty(), SCHEDD, NOW);
        // What a real schedd sends at shutdown (Scheduler::invalidate_ads)
        ClassAd invalidation = ClassAdParser.parseLines("MyType = \"Query\"\nTargetType = \"Scheduler\"\n"
                + "Requirements = TARGET.Name == \"s1@host\"\nName = \"s1@host\"\n"
                + "MyAddress = \"<127.0.0.1:4000>\"\n");

        assertEquals(1, ads.invalidate(AdTable.SCHEDULER, invalidation, false));
        assertEquals(List.of("s2@host"), names(queryAll(CollectorCommand.QUERY_SCHEDD_ADS, NOW)));
    }

    @Test
    void anInvalidationWithoutAKeyRemovesWhatItsRequirementsMatchAsAQuery() throws Exception {
        ads.update(AdTable.SCHEDULER, schedd("s1@host", "Group = \"a\""), Optional.empty(), SCHEDD, NOW);
        ads.update(AdTable.SCHEDULER, schedd("s2@host", "Group = \"a\""), Optional.empty(), SCHEDD, NOW);
        ads.update(AdTable.SCHEDULER, schedd("s3@host", "Group = \"b\""), Optional.empty(), SCHEDD, NOW);
        ClassAd byTarget = ClassAdParser.parseLines("MyType = \"Query\"\nRequirements = TARGET.Group == \"a\"\n");
        ClassAd byGroup = ClassAdParser.parseLines("MyType = \"Query\"\nRequirements = Group == \"a\"\n");

        assertEquals(0, ads.invalidate(AdTable.SCHEDULER, byTarget, false), "no target: TARGET.x is undefined");
        assertEquals(2, ads.invalidate(AdTable.SCHEDULER, byGroup, false));
        assertEquals(List.of("s3@host"), names(queryAll(CollectorCommand.QUERY_SCHEDD_ADS, NOW)));
        assertEquals(1, ads.size());
    }

    @Test
    void withoutHousekeepingOnInvalidateTheQueryAdIsMyAndTheStoredAdTarget() throws Exception {
        ads.update(AdTable.SCHEDULER, schedd("s1@host", "Group = \"a\""), Optional.empty(), SCHEDD, NOW);
        ads.update(AdTable.SCHEDULER, schedd("s2@host", "Group = \"b\""), Optional.empty(), SCHEDD, NOW);
        ClassAd byGroup = ClassAdParser.parseLines("MyType = \"Query\"\nWanted = \"a\"\n"
                + "Requirements = TARGET.Group == MY.Wanted\n");

        assertEquals(1, ads.invalidate(AdTable.SCHEDULER, byGroup, true));
        assertEquals(List.of("s2@host"), names(queryAll(CollectorCommand.QUERY_SCHEDD_ADS, NOW)));
    }

    @Test
    void privateAttributesAndAStartdsPrivateAdReachOnlyThoseAllowedToSeeThem() throws Exception {
        ClassAd slot = ClassAdParser.parseLines("MyType = \"Machine\"\nName = \"slot1@host\"\n"
                + "MyAddress = \"<127.0.0.1:4001>\"\n_condor_PrivSecret = \"x\"\n");
        ClassAd privateAd = ClassAdParser.parseLines("Capability = \"claim\"\nClaimIdExtra = \"c\"\n");
        ads.update(AdTable.MACHINE, slot, Optional.of(privateAd), SCHEDD, NOW);
        ClassAd query = ClassAdParser.parseLines("MyType = \"Query\"\nTargetType = \"Machine\"\n");
        CollectorSearch parsed = CollectorSearch.parse(CollectorCommand.QUERY_STARTD_ADS, query);

        ClassAd seen = ads.query(parsed, query, false, NOW).get(0).ad();
        ClassAd privileged = ads.query(parsed, query, true, NOW).get(0).ad();

        assertFalse(seen.contains("_condor_PrivSecret"));
        assertFalse(seen.contains("Capability"));
        assertFalse(seen.contains("ClaimIdExtra"));
        assertEquals("x", privileged.getString("_condor_PrivSecret").orElseThrow());
        assertEquals("claim", privileged.getString("Capability").orElseThrow());
        assertEquals("c", privileged.getString("ClaimIdExtra").orElseThrow());
    }

    @Test
    void theLimitCountsTheAdsOfEveryScanOfAMultipleQuery() throws Exception {
        ads.update(AdTable.SCHEDULER, schedd("s1@host"), Optional.empty(), SCHEDD, NOW);
        ads.update(AdTable.SCHEDULER, schedd("s2@host"), Optional.empty(), SCHEDD, NOW);
        ads.publish(AdTable.COLLECTOR, ClassAdParser.parseLines("MyType = \"Collector\"\nName = \"c@host\"\n"));
        ClassAd multiple = ClassAdParser.parseLines("MyType = \"Query\"\nTargetType = \"Scheduler,Collector\"\n"
                + "Requirements = true\nSchedulerRequirements = Name == \"s2@host\"\nCollectorProjection = \"Name\"\n");

        List<CollectorAds.Match> matches = ads.query(CollectorSearch.parse(CollectorCommand.QUERY_MULTIPLE_ADS,
                multiple), multiple, false, NOW);

        assertEquals(List.of("s2@host", "c@host"), matches.stream().map(m -> m.ad().getString("Name").orElseThrow())
                .toList());
        assertEquals(Optional.empty(), matches.get(0).projection());
        assertEquals(List.of("Name"), List.copyOf(matches.get(1).projection().orElseThrow()));

        ClassAd limited = multiple.with("LimitResults", 1);
        assertEquals(1, ads.query(CollectorSearch.parse(CollectorCommand.QUERY_MULTIPLE_ADS, limited), limited,
                false, NOW).size());
    }

    @Test
    void genericAdsLiveInATableNamedByTheirType() throws Exception {
        ClassAd credd = ClassAdParser.parseLines("MyType = \"CredD\"\nName = \"credd@host\"\n");
        assertTrue(ads.update(AdTable.of("CredD"), credd, Optional.empty(), SCHEDD, NOW).stored());
        ClassAd generic = ClassAdParser.parseLines("MyType = \"Query\"\nTargetType = \"credd\"\n");

        assertEquals(1, ads.query(CollectorSearch.parse(CollectorCommand.QUERY_GENERIC_ADS, generic), generic, false,
                NOW).size());
        assertEquals(1, queryAll(CollectorCommand.QUERY_ANY_ADS, NOW).size());
        assertEquals(0, queryAll(CollectorCommand.QUERY_SCHEDD_ADS, NOW).size());
    }

    @Test
    void queriesTheCollectorCannotMakeSenseOfAreRefused() throws Exception {
        ClassAd noType = ClassAdParser.parseLines("MyType = \"Query\"\n");
        ClassAd unknownFirst = ClassAdParser.parseLines("TargetType = \"NoSuchType,Scheduler\"\n");

        assertThrows(CommandRefusal.class, () -> CollectorSearch.parse(CollectorCommand.QUERY_GENERIC_ADS, noType));
        assertThrows(CommandRefusal.class, () -> CollectorSearch.parse(CollectorCommand.QUERY_MULTIPLE_ADS, noType));
        assertThrows(CommandRefusal.class,
                () -> CollectorSearch.parse(CollectorCommand.QUERY_MULTIPLE_ADS, unknownFirst));
    }

    @Test
    void newAdsPastTheLimitAreRefusedWhileKnownOnesStillUpdate() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertTrue(ads.update(AdTable.SCHEDULER, schedd("s" + i + "@host"), Optional.empty(), SCHEDD, NOW)
                    .stored());
        }

        assertFalse(ads.update(AdTable.SCHEDULER, schedd("s10@host"), Optional.empty(), SCHEDD, NOW).stored());
        assertTrue(ads.update(AdTable.SCHEDULER, schedd("s3@host"), Optional.empty(), SCHEDD, NOW).stored());
        assertEquals(10, ads.size());
    }

    /** A real collector's answer to condor_status -any -long (23.9.6): stored, the same ads come back. */
    @Test
    void theAdsOfARealCollectorComeBackUnchanged() throws Exception {
        byte[] stream;
        try (InputStream in = getClass().getResourceAsStream(
                "/vectors/extra-htcondor-23/status-any-long/server-to-client.bin")) {
            stream = in.readAllBytes();
        }
        List<byte[]> messages = CapturedConnection.messages(stream);
        byte[] answer = messages.get(messages.size() - 1);
        List<ClassAd> real = CollectorQueryReply.read(new MessageReader(answer, false));
        for (ClassAd ad : real) {
            ads.publish(AdTable.of(ad.getString("MyType").orElseThrow()), ad);
        }

        List<ClassAd> ours = queryAll(CollectorCommand.QUERY_ANY_ADS, NOW);

        assertEquals(sorted(encodings(real)), sorted(encodings(ours)));
    }

    private List<ClassAd> queryAll(CollectorCommand command, Instant now) throws CommandRefusal {
        ClassAd query = ClassAd.builder().set("MyType", "Query").build();
        return ads.query(CollectorSearch.parse(command, query), query, false, now).stream()
                .map(CollectorAds.Match::ad).toList();
    }

    private static ClassAd schedd(String name, String... extra) throws Exception {
        StringBuilder text = new StringBuilder("MyType = \"Scheduler\"\nName = \"" + name + "\"\n"
                + "MyAddress = \"<127.0.0.1:4000?addrs=127.0.0.1-4000>\"\n");
        for (String line : extra) {
            text.append(line).append('\n');
        }
        return ClassAdParser.parseLines(text.toString());
    }

    private static List<String> names(List<ClassAd> ads) {
        return ads.stream().map(ad -> ad.getString("Name").orElseThrow()).sorted().toList();
    }

    private static List<String> encodings(List<ClassAd> ads) {
        List<String> out = new ArrayList<>();
        for (ClassAd ad : ads) {
            MessageWriter writer = new MessageWriter(false);
            ClassAdWire.write(writer, ad);
            out.add(HexFormat.of().formatHex(writer.toByteArray()));
        }
        return out;
    }

    private static List<String> sorted(List<String> list) {
        return list.stream().sorted().toList();
    }
}
