package org.jcedar.client;

import java.time.Duration;

/**
 * How long a command may take: to open the TCP connection, and to wait for each answer (which bounds the
 * handshake and the reply). HTCondor's tools use 5 s and 20 s for DC_GET_SESSION_TOKEN (30 §3.2) and
 * QUERY_TIMEOUT (60 s) for collector queries.
 */
public record Timeouts(Duration connect, Duration read) {
    public static final Timeouts SESSION_TOKEN = new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(20));

    /** The collector query timeouts: QUERY_TIMEOUT seconds for each answer. */
    public static Timeouts collectorQuery(ClientConfiguration config) {
        return new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(Math.max(1, config.integer("QUERY_TIMEOUT", 60))));
    }
}
