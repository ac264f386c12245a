package dev.skillbase.analytics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What happened to a skill, as counted by analytics, with its weight in the trending score: an installation or an
 * execution says more about a skill's use than a look at it, and an uninstallation takes an installation back.
 */
public enum AnalyticsEvent {
    VIEWED(2),
    SEARCHED(1),
    SUGGESTED(1),
    INSTALLED(10),
    UNINSTALLED(-10),
    EXECUTED(5);

    private final int weight;

    AnalyticsEvent(int weight) {
        this.weight = weight;
    }

    /** The event's name on the wire and in the database: {@code viewed}, {@code installed}, ... */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Points each event of this kind adds to a skill's trending score. */
    public int weight() {
        return weight;
    }

    /** The event named {@code wire}; empty when there is no such event. */
    public static Optional<AnalyticsEvent> of(String wire) {
        return Arrays.stream(values()).filter(e -> e.wire().equals(wire)).findFirst();
    }

    /** Every event's wire name, in declaration order. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(AnalyticsEvent::wire).toList();
    }
}
