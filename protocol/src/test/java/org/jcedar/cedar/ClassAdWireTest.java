package org.jcedar.cedar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jcedar.classad.CapturedClassAds;
import org.jcedar.classad.ClassAd;
import org.jcedar.classad.ClassAdParser;
import org.jcedar.classad.ClassAdSyntaxException;
import org.jcedar.classad.Expr;
import org.junit.jupiter.api.Test;

class ClassAdWireTest {

    /** The collector's answer to the d-fetch-name-pool location query, and the query it answered. */
    private static CapturedClassAds.CapturedAd captured(String version, String direction, String firstEntry) {
        return CapturedClassAds.all().stream()
                .filter(ad -> ad.source().startsWith(version + "/d-fetch-name-pool connection 1 " + direction))
                .filter(ad -> !ad.entries().isEmpty() && ad.entries().get(0).startsWith(firstEntry))
                .findFirst().orElseThrow();
    }

    @Test
    void aProjectionWritesWhatTheRealCollectorSent() throws ClassAdSyntaxException {
        for (String version : List.of("htcondor-23", "htcondor-25")) {
            CapturedClassAds.CapturedAd reply = captured(version, "S->C", "AddressV1");
            ClassAd query = ClassAdParser.parseLines(String.join("\n", captured(version, "C->S", "MyType").entries()));
            List<String> projection = Arrays.asList(query.getString("Projection").orElseThrow().split(" "));

            // the stored schedd ad: the reply's attributes in another order, among others not asked for
            List<String> stored = new ArrayList<>(reply.entries());
            Collections.reverse(stored);
            stored.addAll(List.of("MyType = \"Scheduler\"", "TotalRunningJobs = 0", "Requirements = TotalRunningJobs < 5"));
            ClassAd storedAd = ClassAdParser.parseLines(String.join("\n", stored));

            MessageWriter writer = new MessageWriter(false);
            ClassAdWire.write(writer, storedAd, projection);
            assertArrayEquals(reply.bytes(), writer.toByteArray(), version);
        }
    }

    @Test
    void aCountTheMessageCannotHoldIsRejectedBeforeReading() {
        byte[] message = new MessageWriter(false).putInt(1_000_000).putString("A = 1").putString("").putString("")
                .toByteArray();
        CedarException e = assertThrows(CedarException.class,
                () -> ClassAdWire.read(new MessageReader(message, false)));
        assertEquals(0, e.offset());
        byte[] negative = new MessageWriter(true).putInt(-1).toByteArray();
        assertThrows(CedarException.class, () -> ClassAdWire.read(new MessageReader(negative, true)));
        byte[] huge = new MessageWriter(false).putInt(1_000_001).toByteArray();
        assertTrue(assertThrows(CedarException.class, () -> ClassAdWire.read(new MessageReader(huge, false)))
                .getMessage().contains("1000001"));
    }

    @Test
    void aBadEntryIsReportedAtItsOffset() {
        byte[] message = new MessageWriter(false).putInt(2).putString("A = 1").putString("B = (").putString("")
                .putString("").toByteArray();
        CedarException e = assertThrows(CedarException.class, () -> ClassAdWire.read(new MessageReader(message, false)));
        assertEquals(8 + 6, e.offset());
        assertInstanceOf(ClassAdSyntaxException.class, e.getCause());
        byte[] nullEntry = new MessageWriter(false).putInt(1).putNullString().putString("").putString("").toByteArray();
        assertEquals(8, assertThrows(CedarException.class,
                () -> ClassAdWire.read(new MessageReader(nullEntry, false))).offset());
    }

    @Test
    void aPrivateAttributeAfterTheSecretMarkerIsRead() throws CedarException {
        byte[] message = new MessageWriter(false).putInt(2).putString("Name = \"vm\"").putString("ZKM")
                .putString("ClaimId = \"secret\"").putString("").putString("").toByteArray();
        MessageReader reader = new MessageReader(message, false);
        ClassAd ad = ClassAdWire.read(reader);
        reader.expectEnd();
        assertEquals(List.of("Name", "ClaimId"), ad.names());
        assertEquals(Map.entry("ClaimId", Expr.literal("secret")), ad.entries().get(1));
    }

    @Test
    void privateAttributesAreRecognisedByName() {
        for (String name : List.of("Capability", "CLAIMID", "ClaimIdList", "ClaimIds", "ChildClaimIds", "TransferKey",
                "_condor_PrivRemoteAdminCapability", "_CONDOR_PRIV")) {
            assertTrue(ClassAdWire.isPrivate(name), name);
        }
        for (String name : List.of("Name", "ClaimIdX", "condor_priv", "MyAddress")) {
            assertFalse(ClassAdWire.isPrivate(name), name);
        }
    }
}
