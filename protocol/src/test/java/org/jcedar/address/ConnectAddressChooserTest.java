package org.jcedar.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.jcedar.cedar.CedarException;
import org.junit.jupiter.api.Test;

class ConnectAddressChooserTest {
    private static final ClientNetwork IPV6_ONLY = new ClientNetwork(false, true, false, false, Optional.empty());

    private static ClientNetwork inPrivateNetwork(String name) {
        return new ClientNetwork(true, false, false, false, Optional.of(name));
    }

    /** The same choice real condor_ping made against this schedd (extra-htcondor-23/README.md). */
    @Test
    void aClientInTheSamePrivateNetworkUsesPrivAddrLikeRealCondorPing() throws AddressException {
        SinfulAddress schedd = SinfulAddress.parse(RealSinfuls.extraPool("privaddr", "Scheduler"));
        ConnectTarget inside = ConnectAddressChooser.choose(schedd, inPrivateNetwork("privnet.test"));
        assertEquals("127.0.0.1:37327", inside.host() + ":" + inside.port());
        assertEquals("<127.0.0.1:37327?alias=localhost>", inside.address().toString(), "alias carried over");
        ConnectTarget outside = ConnectAddressChooser.choose(schedd, inPrivateNetwork("othernet"));
        assertEquals("127.0.0.2:37327", outside.host() + ":" + outside.port());
    }

    @Test
    void withoutPrivAddrTheSamePrivateNetworkDropsCcb() throws AddressException {
        SinfulAddress schedd = SinfulAddress.parse(RealSinfuls.extraPool("ccb-privnet", "Scheduler"));
        assertTrue(ConnectAddressChooser.choose(schedd, ClientNetwork.ipv4Only()).needsCcb());
        ConnectTarget inside = ConnectAddressChooser.choose(schedd, inPrivateNetwork("privnet.test"));
        assertFalse(inside.needsCcb());
        assertEquals("127.0.0.2:43561", inside.host() + ":" + inside.port());
    }

    @Test
    void theSharedPortIdIsKept() throws AddressException {
        SinfulAddress schedd = SinfulAddress.parse(RealSinfuls.extraPool("shared-port", "Scheduler"));
        ConnectTarget target = ConnectAddressChooser.choose(schedd, ClientNetwork.ipv4Only());
        assertEquals(Optional.of("schedd_15401_622b"), target.sharedPortId());
        assertFalse(target.needsCcb());
    }

    @Test
    void theMostDesirableEndpointOfAnEnabledProtocolWins() throws CedarException, AddressException {
        SinfulAddress collector = SinfulAddress.parse(RealSinfuls.fromAppendixA()); // 127.0.0.1 and fd00::2
        assertEquals("fd00::2", ConnectAddressChooser.choose(collector, ClientNetwork.dualStack()).host(),
                "private (4) before loopback (2)");
        assertEquals("127.0.0.1", ConnectAddressChooser.choose(collector, ClientNetwork.ipv4Only()).host());
        ConnectTarget v6 = ConnectAddressChooser.choose(collector, IPV6_ONLY);
        assertEquals("<[fd00::2]:4099?addrs=127.0.0.1-4099+[fd00--2]-4099&alias=vm>", v6.address().toString());
    }

    @Test
    void desirabilityOrder() throws AddressException {
        SinfulAddress address = SinfulAddress.parse("<h:1?addrs=[fe80--1]-1+127.0.0.1-2+169.254.1.1-3+"
                + "172.20.0.1-4+[fc00--1]-5+8.8.8.8-6+[2001-db8--1]-7>");
        assertEquals(java.util.List.of(1, 2, 3, 4, 4, 5, 5),
                address.addrs().stream().map(IpEndpoint::desirability).toList());
        assertEquals(6, ConnectAddressChooser.choose(address, ClientNetwork.dualStack()).port(), "ties: listed order");
    }

    @Test
    void theClientsProtocolPreferenceOnlyBreaksTies() throws AddressException {
        SinfulAddress address = SinfulAddress.parse("<h:1?addrs=[fd00--1]-1+10.0.0.1-2+127.0.0.1-3>");
        assertEquals(1, ConnectAddressChooser.choose(address, ClientNetwork.dualStack()).port());
        assertEquals(2, ConnectAddressChooser.choose(address,
                new ClientNetwork(true, true, true, true, Optional.empty())).port());
        assertEquals(1, ConnectAddressChooser.choose(address,
                new ClientNetwork(true, true, true, false, Optional.empty())).port());
    }

    @Test
    void noUsableAddressIsAnError() throws AddressException {
        SinfulAddress v4 = SinfulAddress.parse("<127.0.0.1:9618?addrs=127.0.0.1-9618>");
        assertEquals(-1, assertThrows(AddressException.class, () -> ConnectAddressChooser.choose(v4, IPV6_ONLY)).position());
        assertThrows(AddressException.class,
                () -> ConnectAddressChooser.choose(SinfulAddress.parse("<cm.example.org>"), ClientNetwork.dualStack()));
        ConnectTarget named = ConnectAddressChooser.choose(SinfulAddress.parse("cm.example.org:9618"), IPV6_ONLY);
        assertEquals("cm.example.org", named.host(), "without addrs the host is left to the caller to resolve");
    }
}
