package dev.skillbase.server;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.SkillStamp;
import dev.skillbase.store.DatabaseUnavailableException;
import dev.skillbase.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the server's caches of the changes other processes make to the database they share (another server on the
 * same PostgreSQL database, a CLI writing into the same SQLite file), which {@link LocalRegistry#onSkillChange} does
 * not report. Every {@link #POLL_EVERY} it reads the skills whose {@code updated_at} falls in the last
 * {@link #LOOKBACK} (one indexed range query) and reports each one it has not reported with that stamp yet. The
 * window, not the last stamp seen, bounds the query, so a transaction that commits late or a writer whose clock lags
 * by less than the window is still seen. When more than {@link #MAX_CHANGES} skills changed in the window, or the
 * database cannot be read, it reports that everything may have changed.
 *
 * <p>Thread-safe: {@link #poll} is called by one scheduler thread (or directly by tests).
 */
final class ChangeWatcher implements AutoCloseable {
    static final Duration POLL_EVERY = Duration.ofSeconds(1);
    static final Duration LOOKBACK = Duration.ofSeconds(10);
    static final int MAX_CHANGES = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(ChangeWatcher.class);

    /** What hears of the changes: one skill, or every skill at once. */
    interface Listener {
        void changed(SkillRef ref);

        void changedAll();
    }

    private final LocalRegistry registry;
    private final Clock clock;
    private final List<Listener> listeners;
    /** The stamps reported within the window, so that each change is reported once. */
    private final Map<SkillRef, Instant> reported = new HashMap<>();
    private ScheduledExecutorService scheduler;
    private boolean failing;

    ChangeWatcher(LocalRegistry registry, Clock clock, List<Listener> listeners) {
        this.registry = registry;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
    }

    /** Polls every {@link #POLL_EVERY} on a daemon thread until {@link #close}. */
    synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("skillbase-change-watcher").factory());
        long every = POLL_EVERY.toMillis();
        scheduler.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    /** Reads the changes in the window and reports the new ones. */
    synchronized void poll() {
        Instant since = clock.instant().minus(LOOKBACK);
        List<SkillStamp> changes;
        try {
            changes = registry.changedSince(since, MAX_CHANGES + 1);
        } catch (DatabaseUnavailableException | StoreException e) {
            if (!failing) {
                LOG.warn("cannot read the skills changed by other processes; caches are dropped until it can", e);
                failing = true;
            }
            listeners.forEach(Listener::changedAll);
            return;
        }
        failing = false;
        reported.values().removeIf(stamp -> stamp.isBefore(since));
        if (changes.size() > MAX_CHANGES) {
            listeners.forEach(Listener::changedAll);
            changes.forEach(change -> reported.put(change.ref(), change.updatedAt()));
            return;
        }
        for (SkillStamp change : changes) {
            if (!change.updatedAt().equals(reported.put(change.ref(), change.updatedAt()))) {
                listeners.forEach(listener -> listener.changed(change.ref()));
            }
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
