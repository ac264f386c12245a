package dev.skillbase.audit;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Who the changes made on the current thread are made by, for the audit log. The server sets it for each request
 * from its bearer token (a user's login, or {@code anonymous}); commands working on a database directly leave it
 * unset and are recorded as {@link #LOCAL} ({@code local:} and the operating-system user). Kept per thread so that
 * every write path records its actor without each store method taking one more parameter: the server's requests
 * each run on a virtual thread of their own, and the value is cleared when a request ends.
 */
public final class AuditActor {
    /** The actor of changes made by commands on the database itself. */
    public static final String LOCAL = "local:" + System.getProperty("user.name", "unknown");
    /** The actor of changes made over HTTP without a token (publishing with --allow-anonymous-publish). */
    public static final String ANONYMOUS = "anonymous";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private AuditActor() {
    }

    /** The actor set on this thread, else {@link #LOCAL}. */
    public static String current() {
        String actor = CURRENT.get();
        return actor != null ? actor : LOCAL;
    }

    /** Sets the actor of this thread's changes until {@link #clear()}. */
    public static void set(String actor) {
        CURRENT.set(Objects.requireNonNull(actor, "actor"));
    }

    public static void clear() {
        CURRENT.remove();
    }

    /** Runs {@code work} with {@code actor} as the actor, restoring the previous one after. */
    public static <T> T as(String actor, Supplier<T> work) {
        String previous = CURRENT.get();
        set(actor);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                clear();
            } else {
                set(previous);
            }
        }
    }
}
