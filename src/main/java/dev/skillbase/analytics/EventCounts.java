package dev.skillbase.analytics;

import java.util.EnumMap;
import java.util.Map;

/** How many events of each kind, for a day, a range of days or a trending window. */
public record EventCounts(long viewed, long searched, long suggested, long installed, long uninstalled,
        long executed) {
    public static final EventCounts NONE = new EventCounts(0, 0, 0, 0, 0, 0);

    /** The counts of {@code counts}, zero for the events it leaves out. */
    public static EventCounts of(Map<AnalyticsEvent, Long> counts) {
        Map<AnalyticsEvent, Long> all = new EnumMap<>(AnalyticsEvent.class);
        all.putAll(counts);
        return new EventCounts(all.getOrDefault(AnalyticsEvent.VIEWED, 0L),
                all.getOrDefault(AnalyticsEvent.SEARCHED, 0L), all.getOrDefault(AnalyticsEvent.SUGGESTED, 0L),
                all.getOrDefault(AnalyticsEvent.INSTALLED, 0L), all.getOrDefault(AnalyticsEvent.UNINSTALLED, 0L),
                all.getOrDefault(AnalyticsEvent.EXECUTED, 0L));
    }

    public EventCounts plus(EventCounts other) {
        return new EventCounts(viewed + other.viewed, searched + other.searched, suggested + other.suggested,
                installed + other.installed, uninstalled + other.uninstalled, executed + other.executed);
    }
}
