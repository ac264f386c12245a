// Analytics under load, over a registry database holding the skill acme/bench-skill (bench/analytics makes one):
//  1. the HTTP server on a free port takes REQUESTS reads of the skill from CLIENTS threads; each read queues a
//     `viewed` event. Prints the reads' p50/p95, the wall time and the process CPU time of the burst, then the time
//     the server's close took to write what was still queued, the events dropped, and the raw events stored.
//  2. an EventRecorder alone writes EVENTS events as fast as the database takes them: events per second and CPU.
// Run with the built jar on the class path:
//   java -cp target/skillbase.jar bench/AnalyticsLoad.java DB_URL [REQUESTS] [CLIENTS] [EVENTS]
import dev.skillbase.analytics.AnalyticsEvent;
import dev.skillbase.analytics.EventRecorder;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.server.PublishGuard;
import dev.skillbase.server.ServerSettings;
import dev.skillbase.server.SkillbaseServer;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

static final SkillRef SKILL = new SkillRef("acme", "bench-skill");

void main(String[] args) throws Exception {
    String db = args[0];
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int clients = args.length > 2 ? Integer.parseInt(args[2]) : 32;
    int events = args.length > 3 ? Integer.parseInt(args[3]) : 200_000;
    try (LocalRegistry registry = LocalRegistry.open(db)) {
        burst(registry, requests, clients);
        writer(registry, events);
    }
}

void burst(LocalRegistry registry, int requests, int clients) throws Exception {
    long before = registry.analytics().recorded(SKILL, AnalyticsEvent.VIEWED);
    SkillbaseServer server = SkillbaseServer.start(ServerSettings.local(registry.url(), false), registry,
            PublishGuard.anonymous(false));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest get = HttpRequest.newBuilder(server.url().resolve("/api/v1/skills/acme/bench-skill")).build();
    for (int i = 0; i < 2000; i++) { // warm-up; its events count too
        if (http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            throw new IllegalStateException("GET acme/bench-skill did not answer 200: is the skill in " + registry.url());
        }
    }
    long[] nanos = new long[requests];
    long cpu = cpuNanos();
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
        List<Future<?>> calls = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            calls.add(pool.submit(() -> {
                for (int i = client; i < requests; i += clients) {
                    long t0 = System.nanoTime();
                    http.send(get, HttpResponse.BodyHandlers.discarding());
                    nanos[i] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> call : calls) {
            call.get();
        }
    }
    long wall = System.nanoTime() - start;
    cpu = cpuNanos() - cpu;
    long closeStart = System.nanoTime();
    server.close();
    long close = System.nanoTime() - closeStart;
    long stored = registry.analytics().recorded(SKILL, AnalyticsEvent.VIEWED) - before;
    System.out.printf(Locale.ROOT, "reads=%d clients=%d  p50=%.2f p95=%.2f ms  wall=%d ms cpu=%d ms  "
                    + "close (writes the rest)=%d ms  viewed events stored=%d of %d%n", requests, clients,
            ms(nanos, 0.50), ms(nanos, 0.95), wall / 1_000_000, cpu / 1_000_000, close / 1_000_000, stored,
            requests + 2000);
}

void writer(LocalRegistry registry, int events) throws Exception {
    try (EventRecorder recorder = EventRecorder.start(registry.analytics(), Clock.systemUTC(), events)) {
        long cpu = cpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < events; i++) {
            recorder.observed(i % 3 == 0 ? AnalyticsEvent.SEARCHED : AnalyticsEvent.VIEWED, SKILL);
        }
        long queued = System.nanoTime() - start;
        if (!recorder.flush(Duration.ofMinutes(10))) {
            throw new IllegalStateException("the writer did not finish within 10 minutes");
        }
        long wall = System.nanoTime() - start;
        cpu = cpuNanos() - cpu;
        EventRecorder.Counters counters = recorder.counters();
        System.out.printf(Locale.ROOT, "writer: %d events queued in %d ms (%.2f us each), written in %d ms = %.0f "
                        + "events/s, cpu=%d ms  written=%d dropped=%d failed=%d%n", events, queued / 1_000_000,
                queued / 1e3 / events, wall / 1_000_000, events / (wall / 1e9), cpu / 1_000_000, counters.written(),
                counters.dropped(), counters.failed());
    }
}

static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
}

static double ms(long[] nanos, double quantile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
}
