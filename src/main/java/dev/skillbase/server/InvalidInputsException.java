package dev.skillbase.server;

import dev.skillbase.exec.Execution;

/** A run's inputs did not fit the skill's input schema; the run was recorded as {@code invalid_input} (422). */
public final class InvalidInputsException extends RuntimeException {
    private final Execution execution;

    public InvalidInputsException(Execution execution) {
        super(execution.message() + " (recorded as run " + execution.id() + ")");
        this.execution = execution;
    }

    public Execution execution() {
        return execution;
    }
}
