package dev.skillbase.exec;

/**
 * A skill's use figures: {@code runs} counts the runs that started a process, {@code succeeded} those that
 * succeeded.
 */
public record Usage(long runs, long succeeded) {
    /** {@code succeeded / runs}, or 0 when the skill never ran. */
    public double successRate() {
        return runs == 0 ? 0.0 : (double) succeeded / runs;
    }
}
