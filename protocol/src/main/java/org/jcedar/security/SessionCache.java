package org.jcedar.security;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's sessions by id, for resumption (20 §12). Bounded: expired sessions are dropped when a new one is
 * added, and past {@code capacity} the soonest-expiring entries go first. Thread-safe: a daemon shares one.
 */
public final class SessionCache {
    private final Map<String, ServerSession> sessions = new ConcurrentHashMap<>();
    private final int capacity;

    public SessionCache(int capacity) {
        this.capacity = capacity;
    }

    public void put(ServerSession session, Instant now) {
        sessions.values().removeIf(s -> s.expires().isBefore(now));
        while (sessions.size() >= capacity) {
            sessions.values().stream().min((a, b) -> a.expires().compareTo(b.expires()))
                    .ifPresent(oldest -> sessions.remove(oldest.sessionId()));
        }
        sessions.put(session.sessionId(), session);
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
