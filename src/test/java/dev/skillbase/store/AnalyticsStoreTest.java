package dev.skillbase.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.analytics.AnalyticsEvent;
import dev.skillbase.analytics.TrackedEvent;
import dev.skillbase.registry.SkillRef;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnalyticsStoreTest {
    private static TrackedEvent event(AnalyticsEvent event, TrackedEvent.Source source) {
        return new TrackedEvent(new SkillRef("acme", "pdf-tools"), event, source, Optional.empty(), Instant.EPOCH);
    }

    @Test
    void reads_the_server_sees_are_only_counted_while_state_changes_and_tracked_events_are_kept_raw() {
        for (AnalyticsEvent read : new AnalyticsEvent[] {AnalyticsEvent.VIEWED, AnalyticsEvent.SEARCHED,
                AnalyticsEvent.SUGGESTED}) {
            assertThat(AnalyticsStore.keptRaw(event(read, TrackedEvent.Source.SERVER))).as(read.name()).isFalse();
            assertThat(AnalyticsStore.keptRaw(event(read, TrackedEvent.Source.CLIENT))).as(read.name()).isTrue();
        }
        for (AnalyticsEvent change : new AnalyticsEvent[] {AnalyticsEvent.INSTALLED, AnalyticsEvent.UNINSTALLED,
                AnalyticsEvent.EXECUTED}) {
            assertThat(AnalyticsStore.keptRaw(event(change, TrackedEvent.Source.SERVER))).as(change.name()).isTrue();
        }
    }
}
