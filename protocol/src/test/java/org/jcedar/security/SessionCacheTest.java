package org.jcedar.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The session cache's bounds: expiry, capacity (soonest-expiring first), replacement of an id. */
class SessionCacheTest {
    private static final Instant T0 = Instant.ofEpochSecond(1_800_000_000L);

    private static ServerSession session(String id, long expiresAfterSeconds) {
        return new ServerSession(id, new PeerIdentity("alice@pool.test"), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of(), "$CondorVersion: 25.14.1 2026-10-16 $", T0.plusSeconds(expiresAfterSeconds),
                false);
    }

    @Test
    void aSessionIsFoundUntilItExpires() {
        SessionCache cache = new SessionCache(10);
        cache.put(session("a", 60), T0);
        assertTrue(cache.find("a", T0.plusSeconds(60)).isPresent());
        assertFalse(cache.find("a", T0.plusSeconds(61)).isPresent());
        assertFalse(cache.find("b", T0).isPresent());
    }

    @Test
    void addingASessionDropsTheExpiredOnes() {
        SessionCache cache = new SessionCache(10);
        cache.put(session("short", 10), T0);
        cache.put(session("long", 1000), T0);
        cache.put(session("later", 100), T0.plusSeconds(11));
        assertEquals(2, cache.size());
        assertFalse(cache.find("short", T0).isPresent());
        assertTrue(cache.find("long", T0.plusSeconds(11)).isPresent());
    }

    @Test
    void pastCapacityTheSoonestExpiringGoesFirst() {
        SessionCache cache = new SessionCache(3);
        cache.put(session("b", 200), T0);
        cache.put(session("a", 100), T0);
        cache.put(session("c", 300), T0);
        cache.put(session("d", 50), T0);
        assertEquals(3, cache.size());
        assertFalse(cache.find("a", T0).isPresent());
        for (String kept : new String[] {"b", "c", "d"}) {
            assertTrue(cache.find(kept, T0).isPresent(), kept);
        }
    }

    @Test
    void aSessionPutAgainReplacesTheOldOneAndItsExpiry() {
        SessionCache cache = new SessionCache(2);
        cache.put(session("a", 10), T0);
        cache.put(session("a", 1000), T0);
        assertEquals(1, cache.size());
        cache.put(session("b", 500), T0.plusSeconds(20));
        assertEquals(2, cache.size());
        assertTrue(cache.find("a", T0.plusSeconds(20)).isPresent());
        cache.put(session("c", 600), T0.plusSeconds(20));
        assertFalse(cache.find("b", T0.plusSeconds(20)).isPresent(), "b expired soonest and went at capacity");
        assertTrue(cache.find("a", T0.plusSeconds(20)).isPresent());
    }
}
