package dev.skillbase.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import dev.skillbase.testing.TestRequests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The recorder over the real analytics store on SQLite and PostgreSQL: a burst from many threads is written in full
 * and rolled up by day, a full queue drops and counts instead of blocking, close writes what is queued, and events
 * that cannot be written are counted as failed.
 */
class EventRecorderIT {
    private static final SkillRef PDF = new SkillRef("acme", "pdf-tools");
    private static final SkillRef DOCX = new SkillRef("beta", "pdf-tools");
    private static final Instant NOON = Instant.parse("2026-03-14T12:00:00Z");

    private static LocalRegistry registry(DbKind kind) {
        LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind));
        for (String namespace : List.of("acme", "beta")) {
            registry.publish(TestRequests.of(TestRequests.fixture("pdf-tools"), namespace, "1.0.0", "", List.of()));
        }
        return registry;
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_burst_from_many_threads_is_written_in_full_and_rolled_up_by_day(DbKind kind) throws Exception {
        try (LocalRegistry registry = registry(kind);
                EventRecorder recorder = EventRecorder.start(registry.analytics(),
                        Clock.fixed(NOON, ZoneOffset.UTC), EventRecorder.DEFAULT_CAPACITY);
                ExecutorService threads = Executors.newFixedThreadPool(16)) {
            List<Future<?>> calls = new ArrayList<>();
            for (int thread = 0; thread < 16; thread++) {
                int t = thread;
                calls.add(threads.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        recorder.observed(i % 5 == 0 ? AnalyticsEvent.SEARCHED : AnalyticsEvent.VIEWED,
                                t % 2 == 0 ? PDF : DOCX);
                    }
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }

            assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();

            assertThat(recorder.counters()).isEqualTo(new EventRecorder.Counters(0, 4000, 0, 0));
            assertThat(registry.analytics().recorded(PDF, AnalyticsEvent.VIEWED)).isEqualTo(1600);
            assertThat(registry.analytics().recorded(PDF, AnalyticsEvent.SEARCHED)).isEqualTo(400);
            LocalDate day = LocalDate.of(2026, 3, 14);
            assertThat(registry.analytics().daily(DOCX, DayRange.lastDays(day, 7)))
                    .containsExactly(java.util.Map.entry(day, new EventCounts(1600, 400, 0, 0, 0, 0)));
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_full_queue_drops_and_counts_new_events_and_close_writes_the_queued_ones(DbKind kind) {
        try (LocalRegistry registry = registry(kind)) {
            EventRecorder recorder = new EventRecorder(registry.analytics(), Clock.fixed(NOON, ZoneOffset.UTC), 5);
            for (int i = 0; i < 7; i++) {
                recorder.observed(AnalyticsEvent.VIEWED, PDF);
            }
            boolean accepted = recorder.tracked(AnalyticsEvent.EXECUTED, PDF, Optional.of("1.0.0"));

            assertThat(accepted).isFalse();
            assertThat(recorder.counters()).isEqualTo(new EventRecorder.Counters(5, 0, 3, 0));

            recorder.startWriter();
            recorder.close();

            assertThat(recorder.counters()).isEqualTo(new EventRecorder.Counters(0, 5, 3, 0));
            assertThat(registry.analytics().recorded(PDF, AnalyticsEvent.VIEWED)).isEqualTo(5);
            assertThat(registry.analytics().recorded(PDF, AnalyticsEvent.EXECUTED)).isZero();
            assertThat(recorder.tracked(AnalyticsEvent.VIEWED, PDF, Optional.empty())).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void events_of_unknown_skills_and_of_an_unreachable_database_are_counted_as_failed(DbKind kind)
            throws Exception {
        LocalRegistry registry = registry(kind);
        try (EventRecorder recorder = EventRecorder.start(registry.analytics(), Clock.systemUTC(), 100)) {
            recorder.observed(AnalyticsEvent.VIEWED, new SkillRef("acme", "no-such-skill"));
            recorder.observed(AnalyticsEvent.VIEWED, PDF);
            assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(recorder.counters()).isEqualTo(new EventRecorder.Counters(0, 1, 0, 1));

            registry.close();
            recorder.observed(AnalyticsEvent.VIEWED, PDF);
            assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();

            assertThat(recorder.counters()).isEqualTo(new EventRecorder.Counters(0, 1, 0, 2));
        } finally {
            registry.close();
        }
    }
}
