package dev.skillbase.analytics;

import dev.skillbase.registry.SkillRef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A skill's events per UTC day from {@code from} to {@code to}, both included, every day listed (zero counts too),
 * and their totals.
 */
public record DailyStats(SkillRef skill, LocalDate from, LocalDate to, EventCounts totals, List<Day> days) {

    /** One day's counts. */
    public record Day(LocalDate day, EventCounts events) {
    }

    public DailyStats {
        days = List.copyOf(days);
    }

    /** Every day of the range, with the counts {@code stored} holds for it (none for a day it does not hold). */
    public static DailyStats of(SkillRef skill, DayRange range, Map<LocalDate, EventCounts> stored) {
        List<Day> days = new ArrayList<>();
        EventCounts totals = EventCounts.NONE;
        for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
            EventCounts counts = stored.getOrDefault(day, EventCounts.NONE);
            days.add(new Day(day, counts));
            totals = totals.plus(counts);
        }
        return new DailyStats(skill, range.from(), range.to(), totals, days);
    }
}
