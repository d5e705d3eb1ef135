package org.jcedar.security;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's sessions by id, for resumption (20 §12). Bounded: expired sessions are dropped when a new one is
 * added, and past {@code capacity} the soonest-expiring entries go first. Thread-safe: a daemon shares one.
 *
 * <p>The sessions also wait in a queue by expiry, so that adding one looks only at those that are due instead of
 * sweeping all of them (which made every new session cost time in proportion to the sessions kept).
 */
public final class SessionCache {
    private final Map<String, ServerSession> sessions = new ConcurrentHashMap<>();
    /** Guarded by itself; holds each cached session once, soonest expiry first. */
    private final PriorityQueue<ServerSession> byExpiry =
            new PriorityQueue<>(Comparator.comparing(ServerSession::expires));
    private final int capacity;

    public SessionCache(int capacity) {
        this.capacity = capacity;
    }

    public void put(ServerSession session, Instant now) {
        synchronized (byExpiry) {
            while (!byExpiry.isEmpty() && (byExpiry.peek().expires().isBefore(now) || byExpiry.size() >= capacity)) {
                ServerSession due = byExpiry.poll();
                sessions.remove(due.sessionId(), due);
            }
            ServerSession replaced = sessions.put(session.sessionId(), session);
            if (replaced != null) {
                byExpiry.remove(replaced);
            }
            byExpiry.add(session);
        }
    }

    public Optional<ServerSession> find(String sessionId, Instant now) {
        ServerSession s = sessions.get(sessionId);
        if (s == null || s.expires().isBefore(now)) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    public int size() {
        return sessions.size();
    }
}
