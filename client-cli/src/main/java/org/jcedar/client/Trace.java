package org.jcedar.client;

import java.util.function.Supplier;

/**
 * Where the client reports what it does, for a tool's {@code -debug}: the outcome of each step ({@link
 * Category#ALWAYS}) and, when asked for, the details of locating, security negotiation and the network. Messages
 * never contain a token's signature or a key.
 */
public interface Trace {
    /** HTCondor's debug categories that the client's messages belong to. */
    enum Category {
        /** Located, connected, negotiated, received: shown whenever tracing is on. */
        ALWAYS,
        /** How a daemon was located: files read, collector queries (D_HOSTNAME). */
        HOSTNAME,
        /** The security negotiation in detail: ads exchanged, methods tried (D_SECURITY). */
        SECURITY,
        /** Connections and messages (D_NETWORK). */
        NETWORK,
        /** Commands sent (D_COMMAND). */
        COMMAND
    }

    /** Tracing that records nothing. */
    Trace NONE = new Trace() {
        @Override
        public boolean enabled(Category category) {
            return false;
        }

        @Override
        public void log(Category category, String message) {
        }
    };

    boolean enabled(Category category);

    void log(Category category, String message);

    /** Logs a message that is costly to build only when its category is enabled. */
    default void log(Category category, Supplier<String> message) {
        if (enabled(category)) {
            log(category, message.get());
        }
    }
}
