package dev.skillbase.server;

import io.javalin.http.Context;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request when the {@code skillbase.access} logger is at info (see {@code simplelogger.properties}):
 * method, path (never the query string, which may carry a token), status, duration and request id. Headers are
 * never logged, so neither is Authorization.
 *
 * <p>The lines are written to standard error in the logger's format by one background thread, in batches, not by
 * the threads serving requests: a line printed and flushed per request, under the logger's lock, cost a cached read
 * a fifth of its time. A request thread only queues its line (and waits when {@link #CAPACITY} lines are waiting,
 * so nothing is dropped); {@link #close} writes what is queued. Thread-safe.
 */
final class AccessLog implements AutoCloseable {
    static final String LOGGER = "skillbase.access";
    static final int CAPACITY = 65_536;
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final int BATCH = 4096;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxx")
            .withZone(ZoneId.systemDefault());

    private record Line(long epochMillis, String text) {
    }

    private final boolean enabled;
    private final BlockingQueue<Line> queued = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread writer;

    private AccessLog(boolean enabled) {
        this.enabled = enabled;
        this.writer = enabled ? Thread.ofPlatform().daemon().name("skillbase-access-log").start(this::writeQueued)
                : null;
    }

    /** The access log as configured: on when the logger is at info, else a log that drops every line. */
    static AccessLog start() {
        return new AccessLog(LOG.isInfoEnabled());
    }

    /** Javalin's request logger. */
    void log(Context ctx, Float millis) {
        if (!enabled) {
            return;
        }
        long tenths = millis == null ? 0 : Math.round(millis * 10.0);
        // one string built by hand: a format pattern and String.format cost more than the rest of a cached read
        String text = new StringBuilder(96).append(ctx.method()).append(' ').append(ctx.path()).append(' ')
                .append(ctx.statusCode()).append(' ').append(tenths / 10).append('.').append(tenths % 10)
                .append("ms id=").append(RequestIds.of(ctx)).toString();
        try {
            queued.put(new Line(System.currentTimeMillis(), text));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeQueued() {
        List<Line> batch = new ArrayList<>(BATCH);
        boolean open = true;
        while (open) {
            try {
                batch.add(queued.take());
            } catch (InterruptedException e) {
                open = false;
            }
            queued.drainTo(batch, BATCH - batch.size());
            write(batch);
            batch.clear();
        }
        while (queued.drainTo(batch, BATCH) > 0) {
            write(batch);
            batch.clear();
        }
    }

    /** Writes to the standard error of the moment, as the logger does (tests redirect it). */
    private static void write(List<Line> batch) {
        if (batch.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder(batch.size() * 128);
        for (Line line : batch) {
            TIME.formatTo(Instant.ofEpochMilli(line.epochMillis()), out);
            out.append(" INFO ").append(LOGGER).append(" - ").append(line.text()).append(System.lineSeparator());
        }
        PrintStream err = System.err;
        err.print(out);
        err.flush();
    }

    /** Writes every line queued so far and stops the writer; call after the server stopped serving. */
    @Override
    public void close() {
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
