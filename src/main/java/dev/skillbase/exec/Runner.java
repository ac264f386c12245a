package dev.skillbase.exec;

import java.util.Objects;
import java.util.Optional;

/** Who starts a run: a signed-in user of a server, or the owner of a database on the command line. */
public record Runner(Optional<Long> userId, String name) {
    public Runner {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
    }

    public static Runner user(long id, String login) {
        return new Runner(Optional.of(id), login);
    }

    /** The person at the command line: {@code local:<os user>}. */
    public static Runner local() {
        return new Runner(Optional.empty(), "local:" + System.getProperty("user.name", "unknown"));
    }
}
