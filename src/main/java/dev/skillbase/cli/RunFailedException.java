package dev.skillbase.cli;

import dev.skillbase.exec.Execution;
import dev.skillbase.exec.ExecutionStatus;

/** A run was recorded but did not succeed (exit code 3 when refused for want of a sandbox, 1 otherwise). */
final class RunFailedException extends RuntimeException {
    private final ExecutionStatus status;

    RunFailedException(Execution execution) {
        super("run " + execution.id() + " of " + execution.skill() + "@" + execution.version() + " "
                + execution.status().wire() + ": " + execution.message());
        this.status = execution.status();
    }

    ExecutionStatus status() {
        return status;
    }
}
