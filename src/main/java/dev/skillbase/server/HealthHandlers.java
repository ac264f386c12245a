package dev.skillbase.server;

import dev.skillbase.analytics.EventRecorder;
import dev.skillbase.registry.Registry;
import dev.skillbase.registry.SkillRef;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code /health}: the process answers (200), with the analytics writer's figures (events queued, written, dropped
 * because the queue was full, failed). {@code /ready}: the database answers a read within
 * {@link #READY_TIMEOUT} (200), else 503; a load balancer routes to an instance only while it is ready.
 */
final class HealthHandlers implements AutoCloseable {
    static final Duration READY_TIMEOUT = Duration.ofSeconds(2);
    /** A lookup that touches the database through an index and finds nothing: cheap, yet a real round trip. */
    private static final SkillRef PROBE = new SkillRef("skillbase-readiness-probe", "skillbase-readiness-probe");

    private final Registry registry;
    private final EventRecorder events;
    private final ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor();

    HealthHandlers(Registry registry, EventRecorder events) {
        this.registry = registry;
        this.events = events;
    }

    record Liveness(String status, EventRecorder.Counters analytics) {
    }

    void health(Context ctx) {
        ctx.json(new Liveness("ok", events.counters()));
    }

    void ready(Context ctx) throws InterruptedException {
        Future<?> probe = probes.submit(() -> registry.skill(PROBE));
        try {
            probe.get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new NotReadyException("the database does not answer: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            probe.cancel(true);
            throw new NotReadyException("the database did not answer within " + READY_TIMEOUT.toSeconds() + " s", e);
        }
        ctx.json(new WireViews.Health("ready"));
    }

    @Override
    public void close() {
        probes.shutdownNow();
    }
}
