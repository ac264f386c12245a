package dev.skillbase.exec;

import java.util.Locale;

/** How a run ended, as recorded and as the API spells it ({@link #wire()}). */
public enum ExecutionStatus {
    /** The entry exited 0 and printed JSON that fits the output schema. */
    SUCCEEDED,
    /** The entry exited non-zero, was killed (memory, process count), or printed more than the output cap. */
    FAILED,
    /** The entry was still running at the timeout and was killed with its whole process tree. */
    TIMED_OUT,
    /** The input did not fit the input schema; no process was started. */
    INVALID_INPUT,
    /** The entry exited 0 but its stdout was not JSON or did not fit the output schema. */
    INVALID_OUTPUT,
    /** The run was not started: no sandbox is available and running without one was not asked for. */
    REFUSED;

    /** The lower-case name used in the database and on the wire, e.g. {@code timed_out}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a {@link #wire()} name stands for. */
    public static ExecutionStatus ofWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** Whether a process was started: such runs count as uses of the skill. */
    public boolean startedProcess() {
        return this == SUCCEEDED || this == FAILED || this == TIMED_OUT || this == INVALID_OUTPUT;
    }
}
