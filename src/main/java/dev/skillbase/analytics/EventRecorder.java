package dev.skillbase.analytics;

import dev.skillbase.registry.SkillRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records analytics events off the request path: a request only puts its event in a bounded queue, which never
 * blocks; one background thread takes what is queued in batches of up to {@link #BATCH} and hands each batch to the
 * {@link Sink} (one database transaction).
 *
 * <p>When the queue is full (the database is slower than the events for a while), a new event is <em>dropped</em>,
 * not waited for: {@link #observed} drops it and counts it, {@link #tracked} returns false so that the client is told
 * to retry. Drops are counted in {@link #counters()} (served by {@code /health}) and logged at warn at the 1st, 2nd,
 * 4th, 8th ... drop. A batch the sink fails on is counted as failed and logged, never retried. {@link #close} writes
 * everything queued before it returns. Thread-safe.
 */
public final class EventRecorder implements AutoCloseable {
    public static final int DEFAULT_CAPACITY = 100_000;
    static final int BATCH = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
    /** Put last by {@link #close}: the writer stops once it takes it. */
    private static final TrackedEvent STOP = new TrackedEvent(new SkillRef("-", "-"), AnalyticsEvent.VIEWED,
            TrackedEvent.Source.SERVER, Optional.empty(), Instant.EPOCH);

    /** Where batches go: it stores what it can and returns how many it stored (the rest name no known skill). */
    @FunctionalInterface
    public interface Sink {
        int append(List<TrackedEvent> events);
    }

    /**
     * The recorder's figures since it started.
     *
     * @param queued events waiting to be written
     * @param written events stored
     * @param dropped events refused because the queue was full (or the recorder closed)
     * @param failed events whose batch could not be written, or that named no known skill
     */
    public record Counters(long queued, long written, long dropped, long failed) {
    }

    private final Sink sink;
    private final Clock clock;
    private final int capacity;
    private final BlockingQueue<TrackedEvent> queue;
    private final AtomicLong submitted = new AtomicLong();
    private final Object progress = new Object();
    private long processed;
    private long written;
    private long dropped;
    private long failed;
    private volatile boolean closed;
    private Thread writer;

    EventRecorder(Sink sink, Clock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.sink = sink;
        this.clock = clock;
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** A recorder whose writer runs from now on, holding at most {@code capacity} events waiting. */
    public static EventRecorder start(Sink sink, Clock clock, int capacity) {
        EventRecorder recorder = new EventRecorder(sink, clock, capacity);
        recorder.startWriter();
        return recorder;
    }

    /** Starts the writer thread (tests create a recorder, fill it, then start it). */
    synchronized void startWriter() {
        if (writer == null) {
            writer = Thread.ofPlatform().daemon().name("skillbase-analytics-writer").start(this::writeQueued);
        }
    }

    /** An event the server saw itself; dropped and counted when the queue is full. */
    public void observed(AnalyticsEvent event, SkillRef skill) {
        observed(event, skill, Optional.empty());
    }

    /** As {@link #observed(AnalyticsEvent, SkillRef)}, for a version of the skill. */
    public void observed(AnalyticsEvent event, SkillRef skill, Optional<String> version) {
        offer(event, skill, TrackedEvent.Source.SERVER, version);
    }

    /**
     * An event a client reported.
     *
     * @return false when the queue is full (or the recorder closed): the event was dropped and counted
     */
    public boolean tracked(AnalyticsEvent event, SkillRef skill, Optional<String> version) {
        return offer(event, skill, TrackedEvent.Source.CLIENT, version);
    }

    private boolean offer(AnalyticsEvent event, SkillRef skill, TrackedEvent.Source source, Optional<String> version) {
        submitted.incrementAndGet();
        if (!closed && queue.offer(new TrackedEvent(skill, event, source, version, clock.instant()))) {
            return true;
        }
        drop(1);
        return false;
    }

    private void drop(long events) {
        if (events == 0) {
            return;
        }
        long total;
        synchronized (progress) {
            dropped += events;
            processed += events;
            total = dropped;
            progress.notifyAll();
        }
        if (Long.bitCount(total) == 1) {
            LOG.warn("analytics events dropped: {} so far (the queue of {} events is full, or the server is stopping)",
                    total, capacity);
        }
    }

    private void writeQueued() {
        List<TrackedEvent> batch = new ArrayList<>(BATCH);
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                stopping = true; // only close stops the writer; an interrupt from elsewhere stops it as well
            }
            queue.drainTo(batch, BATCH - batch.size());
            stopping |= batch.removeIf(event -> event == STOP);
            write(batch);
            batch.clear();
        }
        while (queue.drainTo(batch, BATCH) > 0) {
            batch.removeIf(event -> event == STOP);
            write(batch);
            batch.clear();
        }
    }

    private void write(List<TrackedEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        int stored = 0;
        try {
            stored = sink.append(List.copyOf(batch));
        } catch (RuntimeException e) {
            LOG.warn("could not write {} analytics events; they are counted as failed", batch.size(), e);
        }
        synchronized (progress) {
            written += stored;
            failed += batch.size() - stored;
            processed += batch.size();
            progress.notifyAll();
        }
    }

    /**
     * Waits until every event recorded before this call is written, failed or dropped.
     *
     * @return false when {@code timeout} passed first
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        long target = submitted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (processed < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progress.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    public Counters counters() {
        synchronized (progress) {
            return new Counters(Math.max(0, submitted.get() - processed), written, dropped, failed);
        }
    }

    /**
     * Refuses new events, writes every event queued, and stops the writer; call after the server stopped serving.
     * Idempotent.
     */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = writer;
        }
        if (running == null) {
            List<TrackedEvent> unwritten = new ArrayList<>();
            queue.drainTo(unwritten);
            drop(unwritten.size());
            return;
        }
        try {
            queue.put(STOP); // waits for a free place only while the writer empties a full queue
            running.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // an event offered while close began may have arrived after the writer's last look
        List<TrackedEvent> late = new ArrayList<>();
        queue.drainTo(late);
        late.removeIf(event -> event == STOP);
        drop(late.size());
    }
}
