package org.jcedar.command;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageReader;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.classad.ClassAd;
import org.jcedar.security.CommandAuthorization;
import org.jcedar.security.PeerIdentity;
import org.jcedar.security.ServerSession;
import org.jcedar.security.authz.Authorizer;
import org.jcedar.testing.CapturedConnection;
import org.jcedar.testing.Captures;

/**
 * Whatever bytes arrive where a collector command's payload is expected, reading, parsing and running it ends in a
 * result or a checked refusal (CedarException, CommandRefusal): never an unchecked exception or a hang. The inputs
 * are real messages (a location query, its answer) with bytes flipped, cut or inserted, and random bytes.
 */
class CollectorCommandProperties {
    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);

    @Property(tries = 500)
    void mutatedQueriesAreAnsweredOrRefused(@ForAll("mutatedQueries") byte[] message,
                                            @ForAll("queryCommands") CollectorCommand command) {
        CollectorAds ads = new CollectorAds(new CollectorAds.Settings(900, 100));
        ads.publish(AdTable.SCHEDULER, ClassAd.builder().set("MyType", "Scheduler").set("Name", "s@h")
                .set("MyAddress", "<127.0.0.1:1>").build());
        try {
            MessageReader reader = new MessageReader(message, false);
            ClassAd queryAd = ClassAdWire.read(reader);
            reader.expectEnd();
            List<CollectorAds.Match> matches = ads.query(CollectorSearch.parse(command, queryAd), queryAd, true, NOW);
            CollectorQueryReply.read(new MessageReader(CollectorQueryReply.encode(matches, false), false));
        } catch (CedarException | CommandRefusal expected) {
            // a checked refusal is fine
        }
    }

    @Property(tries = 500)
    void mutatedUpdatesAreFiledOrRefused(@ForAll("mutatedQueries") byte[] message) {
        CollectorAds ads = new CollectorAds(new CollectorAds.Settings(900, 100));
        try {
            MessageReader reader = new MessageReader(message, false);
            ClassAd ad = ClassAdWire.read(reader);
            ads.update(AdTable.of(ad.getString("TargetType").orElse("Scheduler")), ad, Optional.empty(),
                    new CollectorAds.Origin("x@y", Optional.empty()), NOW);
            ads.invalidate(AdTable.SCHEDULER, ad, false);
            ads.invalidate(AdTable.SCHEDULER, ad, true);
        } catch (CedarException expected) {
            // a checked refusal is fine
        }
    }

    @Property(tries = 500)
    void mutatedAnswersDecodeOrFailWithACheckedError(@ForAll("mutatedAnswers") byte[] message) {
        try {
            CollectorQueryReply.read(new MessageReader(message, false));
        } catch (CedarException expected) {
            // the only acceptable failure mode
        }
    }

    @Property(tries = 300)
    void anythingOnAKeptConnectionIsACommandOrARefusal(@ForAll byte[] message, @ForAll boolean encrypted)
            throws Exception {
        CommandTable table = new CommandTable();
        CollectorCommand.all().forEach(c -> table.register(c.registration()));
        ServerSession session = new ServerSession("s", new PeerIdentity("condor@pool.test"), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), "", NOW, true);
        KeptConnection kept = new KeptConnection(table, new CommandAuthorization(new Authorizer(
                knob -> knob.startsWith("ALLOW_") ? Optional.of("*") : Optional.empty(), "COLLECTOR")),
                session, InetAddress.getLoopbackAddress());
        try {
            kept.next(message, encrypted);
        } catch (CedarException | CommandRefusal expected) {
            // a checked refusal is fine
        }
    }

    @Provide
    Arbitrary<CollectorCommand> queryCommands() {
        return Arbitraries.of(CollectorCommand.all().stream()
                .filter(c -> c.kind() == CollectorCommand.Kind.QUERY).toList());
    }

    @Provide
    Arbitrary<byte[]> mutatedQueries() throws CedarException {
        return mutationsOf(lastMessage(true), lastQueryBuiltHere());
    }

    @Provide
    Arbitrary<byte[]> mutatedAnswers() throws CedarException {
        return mutationsOf(lastMessage(false), lastMessage(false));
    }

    /** A multiple query with per-type attributes, which the capture does not have. */
    private static byte[] lastQueryBuiltHere() {
        MessageWriter writer = new MessageWriter(false);
        ClassAdWire.write(writer, ClassAd.builder().set("MyType", "Query")
                .set("TargetType", "Scheduler,Collector,Machine")
                .set("SchedulerProjection", "Name").set("CollectorLimitResults", 1)
                .set("Projection", "Name MyAddress").set("LimitResults", 3).build());
        return writer.toByteArray();
    }

    private static byte[] lastMessage(boolean client) throws CedarException {
        CapturedConnection c = Captures.load("htcondor-25", "d-fetch-name-pool").connections().get(0);
        List<byte[]> messages = client ? c.clientMessages() : c.serverMessages();
        return messages.get(messages.size() - 1);
    }

    private static Arbitrary<byte[]> mutationsOf(byte[] first, byte[] second) {
        Arbitrary<byte[]> base = Arbitraries.of(first, second);
        Arbitrary<byte[]> flipped = base.flatMap(b -> Arbitraries.integers().between(0, b.length - 1)
                .flatMap(i -> Arbitraries.integers().between(0, 255).map(v -> {
                    byte[] copy = b.clone();
                    copy[i] = (byte) v.intValue();
                    return copy;
                })));
        Arbitrary<byte[]> cut = base.flatMap(b -> Arbitraries.integers().between(0, b.length)
                .map(n -> java.util.Arrays.copyOf(b, n)));
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        return Arbitraries.oneOf(flipped, cut, random, base);
    }
}
