package org.jcedar.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jcedar.cedar.CedarException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SinfulAddressTest {

    @Test
    void everySinfulRealHtcondorPrintedParsesAndPrintsBackIdentically() throws Exception {
        List<String> real = RealSinfuls.all();
        assertTrue(real.size() >= 12, "found " + real);
        for (String text : real) {
            assertEquals(text, SinfulAddress.parse(text).toString());
        }
    }

    @Test
    void ipv4AndIpv6EndpointsOfAddrs() throws CedarException, AddressException {
        SinfulAddress collector = SinfulAddress.parse(RealSinfuls.fromAppendixA());
        assertEquals("127.0.0.1", collector.host());
        assertEquals(OptionalInt.of(4099), collector.port());
        assertEquals(Optional.of("vm"), collector.alias());
        assertEquals(List.of("127.0.0.1:4099", "[fd00::2]:4099"),
                collector.addrs().stream().map(IpEndpoint::toString).toList());
        assertEquals(List.of("127.0.0.1-4099", "[fd00--2]-4099"),
                collector.addrs().stream().map(IpEndpoint::toCcbSafeString).toList());
    }

    @Test
    void sharedPortIdAndNoUdp() throws AddressException {
        SinfulAddress schedd = SinfulAddress.parse(RealSinfuls.extraPool("shared-port", "Scheduler"));
        assertEquals(Optional.of("schedd_15401_622b"), schedd.sharedPortId());
        assertTrue(schedd.noUdp());
        assertEquals("", schedd.params().get(SinfulAddress.NO_UDP));
    }

    @Test
    void ccbContactIsDecoded() throws AddressException {
        SinfulAddress schedd = SinfulAddress.parse(RealSinfuls.extraPool("ccb-privnet", "Scheduler"));
        assertEquals(Optional.of("127.0.0.2:23891?addrs=127.0.0.2-23891&alias=localhost&noUDP#1"), schedd.ccbContact());
        assertEquals(Optional.of("privnet.test"), schedd.privateNetworkName());
        assertEquals(List.of("CCBID", "PrivNet", "addrs", "alias", "noUDP"), List.copyOf(schedd.params().keySet()));
    }

    @Test
    void privateAddress() throws AddressException {
        SinfulAddress schedd = SinfulAddress.parse(RealSinfuls.extraPool("privaddr", "Scheduler"));
        assertEquals(Optional.of("<127.0.0.1:37327>"), schedd.privateAddress());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[::1]:9618|<[::1]:9618>",
        "[fd00::2]:9618?sock=collector|<[fd00::2]:9618?sock=collector>",
        "127.0.0.1:9618|<127.0.0.1:9618>",
        "cm.example.org:9618?alias=cm|<cm.example.org:9618?alias=cm>",
        "fd00::2|<[fd00::2]>",
        "<h:1?b=2;a=1>|<h:1?a=1&b=2>",
        "<h:1?&&a=1;;b&>|<h:1?a=1&b>",
        "<h:1?a=1&a=2>|<h:1?a=2>",
        "<h:1?k=%3C%3e%20x>|<h:1?k=%3c%3e%20x>",
        "<h:1?k=a=b>|<h:1?k=a%3db>",
        "<h:>|<h>",
        "<h:0?sock=x>|<h:0?sock=x>",
        "<h?Z=1&a=2&B=3>|<h?B=3&Z=1&a=2>",
        "<h?k=%c3%a9>|<h?k=%c3%a9>",
        "<h?k=é>|<h?k=%c3%a9>",
        "<h?addrs=>|<h?addrs>",
        "<[1.2.3.4]:80>|<1.2.3.4:80>",
    })
    void acceptedFormsPrintCanonically(String input, String canonical) throws AddressException {
        assertEquals(canonical, SinfulAddress.parse(input).toString());
    }

    @Test
    void decodedParameterValues() throws AddressException {
        SinfulAddress address = SinfulAddress.parse("<h:1?k=%3C%3e%20x&e=%c3%a9&bare>");
        assertEquals(Map.of("k", "<> x", "e", "é", "bare", ""), address.params());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<127.0.0.1:9618|15",
        "<h:99999>|3",
        "<h:12ab>|5",
        "<[::1:80>|1",
        "<:80>|1",
        "<h?=x>|3",
        "<h?a=%zz>|5",
        "<h?a=%4>|5",
        "<h?a=%ff>|5",
        "<h:80>x|5",
        "<h:80?a=1>b>|9",
        "<h?addrs=1.2.3-80>|9",
        "<h?addrs=1.2.3.4-99999>|17",
        "<h?addrs=1.2.3.4>|9",
        "<h?addrs=[fe80--1%25eth0]-80>|9",
        "{[ p=\"primary\"; a=\"127.0.0.1\"; port=4099 ]}|0",
        "''|0",
    })
    void malformedAddressesFailWithTheirPosition(String input, int position) {
        AddressException e = assertThrows(AddressException.class, () -> SinfulAddress.parse(input));
        assertEquals(position, e.position(), e.getMessage());
    }

    @Test
    void withersKeepTheRest() throws AddressException {
        SinfulAddress schedd = SinfulAddress.parse(RealSinfuls.extraPool("shared-port", "Scheduler"));
        assertEquals("<10.0.0.1:9618?addrs=127.0.0.1-23871&alias=localhost&noUDP&sock=schedd_15401_622b>",
                schedd.withHostAndPort("10.0.0.1", 9618).toString());
        assertEquals("<127.0.0.1:23871?alias=localhost&noUDP&sock=schedd_15401_622b>",
                schedd.withoutParam(SinfulAddress.ADDRS).toString());
        assertEquals("<127.0.0.1:23871?addrs=127.0.0.1-23871&alias=localhost&noUDP&sock=schedd_15401_622b&x>",
                schedd.withParam("x", "").toString());
        assertEquals(schedd, SinfulAddress.parse(schedd.toString()).withAddrs(schedd.addrs()));
    }
}
