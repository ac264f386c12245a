package dev.skillbase.sync;

import dev.skillbase.skill.Bundle;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds the archives and file digests of the bundles a push is about to publish on background threads, in publishing
 * order, while the push's single writer stores the ones before: the CPU work (gzip, SHA-256) overlaps the database's.
 * A bundle computes each of these once and under its own lock, so the writer either finds it ready, waits for the
 * thread building it, or builds it itself; nothing is computed twice and nothing depends on timing for correctness.
 * Closing stops the threads (work not yet started is dropped).
 */
final class BundlePreparation implements AutoCloseable {
    private final ExecutorService threads;

    private BundlePreparation(ExecutorService threads) {
        this.threads = threads;
    }

    /** Starts preparing {@code bundles}, first ones first; with one core or nothing to prepare, starts nothing. */
    static BundlePreparation start(List<Bundle> bundles) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (bundles.isEmpty() || cores < 2) {
            return new BundlePreparation(null);
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(cores, Thread.ofPlatform().daemon()
                .name("skillbase-prepare-", 0).factory());
        for (int i = 0; i < cores; i++) {
            threads.execute(() -> {
                for (int n = next.getAndIncrement(); n < bundles.size() && !Thread.currentThread().isInterrupted();
                        n = next.getAndIncrement()) {
                    bundles.get(n).prepareForPublishing();
                }
            });
        }
        return new BundlePreparation(threads);
    }

    @Override
    public void close() {
        if (threads != null) {
            threads.shutdownNow();
        }
    }
}
