package org.jcedar.testing;

import java.lang.management.ManagementFactory;

/**
 * Counts the bytes the current thread allocates on the heap (HotSpot's per-thread allocation counter), so that
 * properties can prove a decoder allocates in proportion to its input rather than to what a header announces.
 */
public final class AllocationMeter {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final long start = THREADS.getCurrentThreadAllocatedBytes();

    /** Bytes allocated by this thread since this meter was created. */
    public long allocated() {
        return THREADS.getCurrentThreadAllocatedBytes() - start;
    }
}
