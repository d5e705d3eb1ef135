package org.jcedar.it.real;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pools that the tests of one test class share, one per installation and option set. The extension
 * keeps one instance in the class's store, and JUnit closes it - stopping every pool - after the class.
 */
final class SharedPools implements AutoCloseable {

    private record Key(HtcondorSeries series, PoolOptions options) {
    }

    private final Map<Key, RealPool> pools = new LinkedHashMap<>();

    synchronized RealPool get(RealHtcondor htcondor, PoolOptions options) {
        return pools.computeIfAbsent(new Key(htcondor.series(), options), key -> htcondor.startPool(options));
    }

    @Override
    public synchronized void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (RealPool pool : pools.values()) {
            try {
                pool.stop();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        pools.clear();
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException("could not stop every shared pool");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
