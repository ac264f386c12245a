package dev.skillbase.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which entries to read, newest first: filters on the exact action, target type, target and namespace, and
 * {@code ownerOf}: when present, only entries of namespaces that user owns (what a namespace owner may read; empty
 * for an admin, who reads everything).
 */
public record AuditQuery(Optional<String> action, Optional<String> targetType, Optional<String> target,
        Optional<String> namespace, OptionalLong ownerOf, int limit, int offset) {

    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 100_000;

    public AuditQuery {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(ownerOf, "ownerOf");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new IllegalArgumentException("offset must be between 0 and " + MAX_OFFSET + ", got " + offset);
        }
    }

    /** Every entry, newest first, the first {@code limit}. */
    public static AuditQuery everything(int limit) {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                OptionalLong.empty(), limit, 0);
    }
}
