package dev.skillbase.analytics;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The windows trending may look back over: the last day, week, month or quarter, today (UTC) included. */
public enum TrendingWindow {
    DAY("1d", 1),
    WEEK("7d", 7),
    MONTH("30d", 30),
    QUARTER("90d", 90);

    private final String wire;
    private final int days;

    TrendingWindow(String wire, int days) {
        this.wire = wire;
        this.days = days;
    }

    public String wire() {
        return wire;
    }

    /** The days of the window that ends with {@code today}. */
    public DayRange endingOn(LocalDate today) {
        return DayRange.lastDays(today, days);
    }

    public static Optional<TrendingWindow> of(String wire) {
        return Arrays.stream(values()).filter(w -> w.wire.equals(wire)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(TrendingWindow::wire).toList();
    }
}
