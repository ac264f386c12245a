package dev.skillbase.analytics;

import dev.skillbase.registry.SkillRef;

/**
 * A skill in the trending list: its events in the window and their score (each event counted with
 * {@link AnalyticsEvent#weight()}).
 */
public record TrendingSkill(SkillRef skill, String title, String description, long installs, long score,
        EventCounts events) {
}
