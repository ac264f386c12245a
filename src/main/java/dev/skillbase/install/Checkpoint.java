package dev.skillbase.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * Named moments of an install at which a crash test stops the process: with {@code SKILLBASE_INSTALL_HOLD=staged}
 * (the new copy written beside the old one, nothing swapped yet) or {@code =swapped} (the old copy moved aside, the
 * new one not yet in place), the installer says so on stderr and waits for its standard input to close, so a test can
 * kill it at exactly that point without sleeping. Unset, it does nothing.
 */
@FunctionalInterface
public interface Checkpoint {
    String VARIABLE = "SKILLBASE_INSTALL_HOLD";
    Checkpoint NONE = point -> { };

    void reached(String point);

    /** The checkpoint the environment asks for. */
    static Checkpoint from(Map<String, String> env, InputStream in, PrintStream err) {
        String hold = env.get(VARIABLE);
        if (hold == null || hold.isBlank()) {
            return NONE;
        }
        return point -> {
            if (point.equals(hold)) {
                err.println("skillbase: holding at " + point);
                err.flush();
                try {
                    while (in.read() >= 0) {
                        // wait for the test to kill this process (or to close stdin)
                    }
                } catch (IOException e) {
                    // stdin gone: go on
                }
            }
        };
    }
}
