package dev.skillbase.exec;

import java.time.Duration;
import java.util.Optional;

/**
 * How a started process ended.
 *
 * @param exitCode the exit code; empty when it was killed for the timeout or for its output
 * @param stdout what it printed on stdout, at most the cap (the rest was not read)
 * @param outputOverflow it printed more than the cap and was killed
 * @param timedOut it was still running at the timeout and was killed
 * @param stderrTail the last bytes of its stderr, as text
 */
record ProcessOutcome(Optional<Integer> exitCode, byte[] stdout, boolean outputOverflow, boolean timedOut,
        String stderrTail, Duration elapsed) {
}
