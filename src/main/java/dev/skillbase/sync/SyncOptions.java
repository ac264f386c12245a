package dev.skillbase.sync;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to pull or sync a folder.
 *
 * @param namespace the registry namespace the folder mirrors
 * @param remote where the registry is, as recorded in the sync state (never with a password)
 * @param dryRun plan only: write nothing, not even the state
 * @param prefer which side wins a conflict; empty: a conflict is reported and nothing overwritten
 * @param prune propagate deletions (sync only)
 * @param statuses the registry statuses a pull takes (sync: every status but archived)
 * @param pathPrefix a pull takes only skills filed under this taxonomy prefix; empty: all
 */
public record SyncOptions(String namespace, String remote, boolean dryRun, Optional<Side> prefer, boolean prune,
        Set<String> statuses, Optional<String> pathPrefix) {

    public static final Set<String> LIVE_STATUSES = Set.of("draft", "active", "deprecated");

    public enum Side {
        LOCAL,
        REMOTE
    }

    public SyncOptions {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(remote, "remote");
        statuses = Set.copyOf(statuses);
    }

    /** A sync: every skill of the namespace that is not archived. */
    public static SyncOptions sync(String namespace, String remote, boolean dryRun, Optional<Side> prefer,
            boolean prune) {
        return new SyncOptions(namespace, remote, dryRun, prefer, prune, LIVE_STATUSES, Optional.empty());
    }

    /** A pull of the skills with these statuses under this taxonomy prefix. */
    public static SyncOptions pull(String namespace, String remote, boolean dryRun, Set<String> statuses,
            Optional<String> pathPrefix) {
        return new SyncOptions(namespace, remote, dryRun, Optional.empty(), false, statuses, pathPrefix);
    }
}
