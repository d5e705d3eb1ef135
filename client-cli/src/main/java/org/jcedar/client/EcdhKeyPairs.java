package org.jcedar.client;

import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.jcedar.security.EcdhKeyExchange;

/**
 * The ephemeral ECDH key pairs of a client's connections, one per connection (20 §8), and the random source they
 * are drawn from. A tool can have its random source set up and its first key pair computed on a thread of their own
 * while it reads its configuration: in a fresh JVM both run code for the first time and take about as long as the
 * configuration (docs/performance.md). Safe to share between threads.
 */
public final class EcdhKeyPairs {
    private final CompletableFuture<SecureRandom> random;
    /** The key pair computed ahead, until a connection takes it. */
    private final AtomicReference<CompletableFuture<EcdhKeyExchange>> ahead;

    private EcdhKeyPairs(CompletableFuture<SecureRandom> random, CompletableFuture<EcdhKeyExchange> ahead) {
        this.random = random;
        this.ahead = new AtomicReference<>(ahead);
    }

    /** Key pairs from {@code random}, each computed when a connection asks for it. */
    public static EcdhKeyPairs onDemand(SecureRandom random) {
        return new EcdhKeyPairs(CompletableFuture.completedFuture(random), null);
    }

    /** A new {@link SecureRandom} and the first key pair, made on a daemon thread started now. */
    public static EcdhKeyPairs firstAhead() {
        CompletableFuture<SecureRandom> random = new CompletableFuture<>();
        CompletableFuture<EcdhKeyExchange> first = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                SecureRandom source = new SecureRandom();
                random.complete(source);
                first.complete(EcdhKeyExchange.generate(source));
            } catch (RuntimeException | Error e) {
                random.completeExceptionally(e);
                first.completeExceptionally(e);
            }
        }, "ecdh-key-pair-ahead");
        thread.setDaemon(true);
        thread.start();
        return new EcdhKeyPairs(random, first);
    }

    /** The random source; waits for it if it is still being set up. */
    public SecureRandom random() {
        return random.join();
    }

    /** A key pair no connection has used: the one computed ahead if there is one, else a fresh one. */
    public EcdhKeyExchange next() {
        CompletableFuture<EcdhKeyExchange> first = ahead.getAndSet(null);
        return first != null ? first.join() : EcdhKeyExchange.generate(random());
    }
}
