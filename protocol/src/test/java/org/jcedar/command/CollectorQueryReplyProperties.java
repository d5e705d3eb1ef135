package org.jcedar.command;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.MessageReader;
import org.jcedar.testing.CapturedConnection;
import org.jcedar.testing.Captures;

/** Reading a collector answer never fails with anything but a {@link CedarException}, whatever the bytes. */
class CollectorQueryReplyProperties {

    @Property(tries = 2000)
    void arbitraryBytesGiveAdsOrACedarException(@ForAll("messages") byte[] message, @ForAll boolean encrypted) {
        assertOnlyCedarException(message, encrypted);
    }

    @Property(tries = 2000)
    void mutatedRealAnswersGiveAdsOrACedarException(@ForAll("mutatedAnswers") byte[] message) {
        assertOnlyCedarException(message, false);
    }

    private static void assertOnlyCedarException(byte[] message, boolean encrypted) {
        try {
            List<?> ads = CollectorQueryReply.read(new MessageReader(message, encrypted));
            assertTrue(ads.size() <= message.length);
        } catch (CedarException expected) {
            // a typed rejection is the wanted outcome for garbage
        }
    }

    @Provide
    Arbitrary<byte[]> messages() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    }

    @Provide
    Arbitrary<byte[]> mutatedAnswers() throws CedarException {
        List<byte[]> answers = new java.util.ArrayList<>();
        for (String version : Captures.VERSIONS) {
            CapturedConnection connection = Captures.load(version, "d-fetch-name-pool").connections().get(0);
            List<byte[]> messages = connection.serverMessages();
            answers.add(messages.get(messages.size() - 1));
        }
        return Arbitraries.of(answers).flatMap(answer -> Arbitraries.integers().between(0, answer.length - 1)
                .flatMap(at -> Arbitraries.bytes().map(value -> {
                    byte[] copy = answer.clone();
                    copy[at] = value;
                    return copy;
                })));
    }
}
