package org.jcedar.security;

import java.util.concurrent.atomic.AtomicLong;

/** Session ids as HTCondor makes them: {@code <hostname>:<pid>:<start time>:<counter>} (opaque to clients). */
public final class SessionIds {
    private final String prefix;
    private final AtomicLong counter = new AtomicLong();

    public SessionIds(String hostname, long pid, long startEpochSeconds) {
        this.prefix = hostname + ":" + pid + ":" + startEpochSeconds + ":";
    }

    public String next() {
        return prefix + counter.getAndIncrement();
    }
}
