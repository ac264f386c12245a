package dev.skillbase.account;

import java.time.Instant;
import java.util.Optional;

/**
 * A namespace: a user's own (kind {@code user}, same name as the user) or an organisation's ({@code org}). Skills in a
 * private namespace are visible to its members only. Namespaces created by anonymous publishing have no owner.
 */
public record Namespace(long id, String name, Kind kind, Optional<String> owner, boolean isPrivate,
        Instant createdAt) {

    public enum Kind {
        USER,
        ORG
    }
}
