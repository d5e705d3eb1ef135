package org.jcedar.address;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.jcedar.cedar.CedarException;

class SinfulAddressProperties {
    private static final String SINFUL_CHARS = "<>[]:?&;=%-+#._ aZ09fF";

    @Property
    void arbitraryTextFailsOnlyWithAddressException(@ForAll("sinfulishText") String text) {
        parseOrReject(text);
    }

    @Property
    void mutatedRealSinfulsFailOnlyWithAddressException(@ForAll("realSinful") String real,
                                                        @ForAll @IntRange(min = 0, max = 10_000) int at,
                                                        @ForAll("sinfulishChar") char replacement,
                                                        @ForAll @IntRange(min = 0, max = 2) int how) {
        int i = at % real.length();
        String mutated = switch (how) {
            case 0 -> real.substring(0, i) + replacement + real.substring(i + 1);
            case 1 -> real.substring(0, i) + replacement + real.substring(i);
            default -> real.substring(0, i) + real.substring(i + 1);
        };
        parseOrReject(mutated);
    }

    @Property
    void parsingThePrintedFormGivesTheSameAddress(@ForAll("addresses") SinfulAddress address) throws AddressException {
        SinfulAddress reparsed = SinfulAddress.parse(address.toString());
        assertEquals(address, reparsed);
        assertEquals(address.addrs(), reparsed.addrs());
        assertEquals(address.toString(), reparsed.toString());
    }

    @Property
    void sharedPortConnectDecodesArbitraryBytesOnlyWithCedarException(@ForAll byte[] payload) {
        try {
            SharedPortConnect.decode(payload);
        } catch (CedarException expected) {
            // the only acceptable failure
        }
    }

    @Property
    void sharedPortConnectRoundTrips(@ForAll("cedarText") String id, @ForAll("cedarText") String name,
                                     @ForAll int deadline, @ForAll("extras") List<String> extras)
            throws CedarException {
        SharedPortConnect request = new SharedPortConnect(id, name, deadline, extras);
        assertEquals(request, SharedPortConnect.decode(request.encode()));
    }

    /** Parses; if accepted, printing must be stable and parse back to the same address. */
    private static void parseOrReject(String text) {
        try {
            SinfulAddress address = SinfulAddress.parse(text);
            assertEquals(address, SinfulAddress.parse(address.toString()));
        } catch (AddressException expected) {
            assertEquals(true, expected.position() >= 0 && expected.position() <= text.length(), expected.getMessage());
        }
    }

    @Provide
    Arbitrary<Character> sinfulishChar() {
        return Arbitraries.oneOf(Arbitraries.of(SINFUL_CHARS.toCharArray()),
                Arbitraries.chars());
    }

    @Provide
    Arbitrary<String> sinfulishText() {
        return sinfulishChar().list().ofMaxSize(60).map(chars -> {
            StringBuilder text = new StringBuilder();
            chars.forEach(text::append);
            return text.toString();
        });
    }

    @Provide
    Arbitrary<String> realSinful() throws CedarException {
        return Arbitraries.of(RealSinfuls.all());
    }

    @Provide
    Arbitrary<SinfulAddress> addresses() {
        Arbitrary<String> host = Arbitraries.oneOf(ip().map(InetAddresses::toAddrString),
                Arbitraries.strings().withChars("abcxyz019.-_").ofMinLength(1).ofMaxLength(20)
                        .filter(h -> !h.startsWith("[")));
        Arbitrary<Map<String, String>> params = Arbitraries.maps(
                Arbitraries.strings().withCharRange(' ', '\ud7ff').ofMinLength(1).ofMaxLength(12)
                        .filter(k -> !k.equals(SinfulAddress.ADDRS)),
                Arbitraries.strings().withCharRange(' ', '\ud7ff').ofMaxLength(20)).ofMaxSize(5);
        Arbitrary<List<IpEndpoint>> endpoints = Combinators.combine(ip(), Arbitraries.integers().between(0, 65535))
                .as(IpEndpoint::new).list().ofMaxSize(3);
        return Combinators.combine(host, Arbitraries.integers().between(0, 65535), params, endpoints)
                .as((h, port, map, addrs) -> {
                    SinfulAddress address = SinfulAddress.of(h, port).withAddrs(addrs);
                    for (Map.Entry<String, String> param : map.entrySet()) {
                        address = address.withParam(param.getKey(), param.getValue());
                    }
                    return address;
                });
    }

    private static Arbitrary<InetAddress> ip() {
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofSize(4),
                Arbitraries.bytes().array(byte[].class).ofSize(16)).map(bytes -> {
                    try {
                        return InetAddress.getByAddress(bytes);
                    } catch (UnknownHostException e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @Provide
    Arbitrary<String> cedarText() {
        return Arbitraries.strings().withCharRange('\u0001', '\u00ff').ofMaxLength(100);
    }

    @Provide
    Arbitrary<List<String>> extras() {
        return cedarText().list().ofMaxSize(5);
    }
}
