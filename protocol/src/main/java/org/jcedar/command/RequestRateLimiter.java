package org.jcedar.command;

/**
 * HTCondor's limit on token-request polls (RequestRateLimiter, 30 §5.3): an exponential moving average of the
 * requests per second over a 10-second horizon, brought up to date whenever a request arrives in a new second. A
 * request is allowed while the average is at most the limit. Not thread-safe: its owner synchronizes.
 */
final class RequestRateLimiter {
    private static final double HORIZON_SECONDS = 10;

    private final double limit;
    private double average;
    private long pending;
    private long since = Long.MIN_VALUE;

    /** @param limit requests per second; zero or less: no limit */
    RequestRateLimiter(double limit) {
        this.limit = limit;
    }

    boolean allow(long nowSeconds) {
        if (since == Long.MIN_VALUE) {
            since = nowSeconds;
        }
        pending++;
        long elapsed = nowSeconds - since;
        if (elapsed > 0) {
            double alpha = 1 - Math.exp(-elapsed / HORIZON_SECONDS);
            average = (1 - alpha) * average + alpha * ((double) pending / elapsed);
            pending = 0;
            since = nowSeconds;
        }
        return limit <= 0 || average <= limit;
    }
}
