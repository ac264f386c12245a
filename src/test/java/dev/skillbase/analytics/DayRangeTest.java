package dev.skillbase.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillbase.registry.SkillRef;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DayRangeTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Test
    void the_last_days_end_with_the_day_given_and_include_it() {
        assertThat(DayRange.lastDays(DAY, 7)).isEqualTo(new DayRange(LocalDate.of(2026, 2, 23), DAY));
        assertThat(TrendingWindow.DAY.endingOn(DAY)).isEqualTo(new DayRange(DAY, DAY));
    }

    @Test
    void rejects_a_range_out_of_order_or_longer_than_366_days() {
        assertThatThrownBy(() -> new DayRange(DAY, DAY.minusDays(1))).hasMessageContaining("is after");
        assertThatThrownBy(() -> new DayRange(DAY, DAY.plusDays(366))).hasMessageContaining("more than 366 days");
        assertThat(new DayRange(DAY, DAY.plusDays(365))).isNotNull();
    }

    @Test
    void daily_stats_list_every_day_of_the_range_and_add_up_the_totals() {
        DailyStats stats = DailyStats.of(new SkillRef("acme", "pdf-tools"), new DayRange(DAY, DAY.plusDays(2)),
                Map.of(DAY, new EventCounts(2, 0, 0, 1, 0, 0), DAY.plusDays(2), new EventCounts(1, 1, 1, 0, 1, 4)));

        assertThat(stats.days()).extracting(DailyStats.Day::day)
                .containsExactly(DAY, DAY.plusDays(1), DAY.plusDays(2));
        assertThat(stats.days().get(1).events()).isEqualTo(EventCounts.NONE);
        assertThat(stats.totals()).isEqualTo(new EventCounts(3, 1, 1, 1, 1, 4));
    }

    @Test
    void windows_and_events_are_known_by_their_wire_names_only() {
        assertThat(TrendingWindow.of("30d")).contains(TrendingWindow.MONTH);
        assertThat(TrendingWindow.of("2d")).isEmpty();
        assertThat(AnalyticsEvent.of("executed")).contains(AnalyticsEvent.EXECUTED);
        assertThat(AnalyticsEvent.of("EXECUTED")).isEmpty();
    }
}
