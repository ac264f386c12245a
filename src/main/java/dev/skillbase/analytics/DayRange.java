package dev.skillbase.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** UTC days from {@code from} to {@code to}, both included; at most {@link #MAX_DAYS} days. */
public record DayRange(LocalDate from, LocalDate to) {
    public static final int MAX_DAYS = 366;

    /**
     * @throws IllegalArgumentException when {@code from} is after {@code to} or the range is longer than
     *     {@link #MAX_DAYS}
     */
    public DayRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new IllegalArgumentException("from " + from + " to " + to + " spans more than " + MAX_DAYS
                    + " days");
        }
    }

    /** The {@code days} days that end with {@code last}. */
    public static DayRange lastDays(LocalDate last, int days) {
        return new DayRange(last.minusDays(days - 1L), last);
    }
}
