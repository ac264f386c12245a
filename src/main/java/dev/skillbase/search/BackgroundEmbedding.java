package dev.skillbase.search;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes missing skill vectors on one daemon thread, off the request path: at start, {@link #QUIET} after the last
 * of a run of changes (so a push of hundreds of skills is not slowed by embedding while it runs), and every
 * {@link #EVERY} for the changes of other processes. A failure is logged once until a round succeeds again; matching
 * goes on with the vectors there are. Thread-safe.
 */
public final class BackgroundEmbedding implements AutoCloseable {
    static final Duration QUIET = Duration.ofSeconds(2);
    static final Duration EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundEmbedding.class);

    private final SemanticMatch semantic;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().priority(Thread.MIN_PRIORITY).name("skillbase-embedding").factory());
    private ScheduledFuture<?> pending;
    private volatile boolean failing;

    public BackgroundEmbedding(SemanticMatch semantic) {
        this.semantic = semantic;
        scheduler.scheduleWithFixedDelay(this::round, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Something changed: embed {@link #QUIET} from now, unless another change comes first. */
    public synchronized void changed() {
        if (scheduler.isShutdown()) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = scheduler.schedule(this::round, QUIET.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            if (scheduler.isShutdown()) {
                return;
            }
            int stored = semantic.embedPending();
            if (stored > 0) {
                LOG.debug("stored {} skill vectors", stored);
            }
            failing = false;
        } catch (RuntimeException e) {
            // the edge of this thread (a dead database, a model that cannot load): an exception thrown on would
            // cancel every later round
            if (!failing) {
                LOG.warn("cannot compute skill vectors for match; it goes on with the vectors there are", e);
                failing = true;
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            scheduler.shutdown();
            if (pending != null) {
                pending.cancel(false);
            }
        }
        try {
            // a round in progress ends with its batch (the model cannot be interrupted), before the database closes
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
