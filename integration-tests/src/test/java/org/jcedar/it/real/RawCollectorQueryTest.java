package org.jcedar.it.real;

import static org.jcedar.it.real.RealPool.UNPRIVILEGED_USER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jcedar.cedar.CedarConnection;
import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.ClassAdWire;
import org.jcedar.cedar.MessageReader;
import org.jcedar.cedar.MessageWriter;
import org.jcedar.classad.ClassAd;
import org.jcedar.classad.ClassAdParser;
import org.jcedar.classad.ClassAdSyntaxException;

/**
 * A collector query built by jcedar's codecs goes to the real 23.x and 25.x collectors over a plain socket,
 * without a security session (10 §1.3, §6.3, §6.4), and the ads that come back decode - and encode again to
 * the very bytes the collector sent.
 */
class RawCollectorQueryTest {

    /**
     * A command sent without DC_AUTHENTICATE is refused when the READ policy requires security (20 §11.7).
     * Measured with raw queries: 23.9.6 answers once SEC_READ_AUTHENTICATION is OPTIONAL; 25.14.1 also
     * needs SEC_READ_ENCRYPTION and SEC_READ_INTEGRITY OPTIONAL ("PERMISSION DENIED ... access level READ").
     */
    private static final PoolOptions UNAUTHENTICATED_READ = PoolOptions.defaults()
            .withSetting("SEC_READ_AUTHENTICATION = OPTIONAL")
            .withSetting("SEC_READ_ENCRYPTION = OPTIONAL")
            .withSetting("SEC_READ_INTEGRITY = OPTIONAL");

    /** The command number is our input; that the real collector answers it with schedd ads confirms it. */
    private static final int QUERY_SCHEDD_ADS = 6;
    private static final int SOCKET_TIMEOUT_MILLIS = 30_000;

    @RealHtcondorTest
    void aProjectedScheddQueryReturnsTheSchedulersAdAsRealToolsSeeIt(RealHtcondor htcondor) throws Exception {
        RealPool pool = htcondor.sharedPool(UNAUTHENTICATED_READ);
        ClassAd query = scheddQuery("MyType == \"Scheduler\"")
                .set("Projection", "Name MyAddress CondorVersion")
                .build();

        List<ClassAd> ads = decodeAnswer(exchange(pool.collectorPort(), query));

        assertEquals(1, ads.size(), ads::toString);
        ClassAd schedd = ads.get(0);
        assertEquals(List.of("CondorVersion", "MyAddress", "Name"), schedd.names().stream().sorted().toList());
        assertEquals(Optional.of(pool.scheddAddress()), schedd.getString("MyAddress"));
        assertTrue(schedd.getString("CondorVersion").orElseThrow().startsWith("$CondorVersion: " + htcondor.version() + " "),
                schedd::toString);
        ExecResult name = pool.exec(UNPRIVILEGED_USER, "condor_status", "-schedd", "-af", "Name");
        assertTrue(name.succeeded(), name::describe);
        assertEquals(Optional.of(name.stdout().strip()), schedd.getString("Name"));
    }

    @RealHtcondorTest
    void theWholeScheddAdDecodesAndEncodesBackToTheCollectorsBytes(RealHtcondor htcondor) throws Exception {
        RealPool pool = htcondor.sharedPool(UNAUTHENTICATED_READ);

        byte[] answer = exchange(pool.collectorPort(), scheddQuery("true").build());
        List<ClassAd> ads = decodeAnswer(answer);

        assertEquals(1, ads.size(), ads::toString);
        // The full ad is larger than one packet: the answer came in several.
        assertTrue(answer.length > CedarConnection.MAX_PAYLOAD_PER_PACKET, "answer of " + answer.length + " bytes");
        assertEquals(Optional.of(pool.scheddAddress()), ads.get(0).getString("MyAddress"));
        assertArrayEquals(answer, encodeAnswer(ads));
    }

    @RealHtcondorTest
    void aConstraintNoAdSatisfiesGetsAnEmptyAnswer(RealHtcondor htcondor) throws Exception {
        RealPool pool = htcondor.sharedPool(UNAUTHENTICATED_READ);

        byte[] answer = exchange(pool.collectorPort(), scheddQuery("Name == \"no such schedd\"").build());

        assertEquals(List.of(), decodeAnswer(answer));
    }

    private static ClassAd.Builder scheddQuery(String requirements) throws ClassAdSyntaxException {
        return ClassAd.builder()
                .set("MyType", "Query")
                .set("TargetType", "Scheduler")
                .set("Requirements", ClassAdParser.parseCompleteExpression(requirements));
    }

    /** Sends the command and the query ad as one plaintext message; returns the collector's one answer. */
    private static byte[] exchange(int collectorPort, ClassAd query) throws IOException, CedarException {
        MessageWriter request = new MessageWriter(false).putInt(QUERY_SCHEDD_ADS);
        ClassAdWire.write(request, query);
        CedarConnection cedar = new CedarConnection();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), collectorPort)) {
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            socket.getOutputStream().write(cedar.encodeMessage(request.toByteArray()));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            byte[] message;
            while ((message = cedar.nextMessage()) == null) {
                int read = in.read(buffer);
                if (read < 0) {
                    throw new EOFException("the collector closed the connection without a complete answer");
                }
                cedar.receive(buffer, 0, read);
            }
            return message;
        }
    }

    /** 10 §6.4: for each ad an int 1 and the ad, then an int 0, in one message. */
    private static List<ClassAd> decodeAnswer(byte[] answer) throws CedarException {
        MessageReader reader = new MessageReader(answer, false);
        List<ClassAd> ads = new ArrayList<>();
        while (reader.getInt() != 0) {
            ads.add(ClassAdWire.read(reader));
        }
        reader.expectEnd();
        return ads;
    }

    private static byte[] encodeAnswer(List<ClassAd> ads) {
        MessageWriter writer = new MessageWriter(false);
        for (ClassAd ad : ads) {
            writer.putInt(1);
            ClassAdWire.write(writer, ad);
        }
        return writer.putInt(0).toByteArray();
    }
}
