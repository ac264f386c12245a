package dev.skillbase.registry;

import java.util.Optional;

/**
 * Filters, order and page for {@link Registry#list} and {@link Registry#search}. {@code category} is a taxonomy
 * prefix ({@code development} matches {@code development/languages/python}). Search ignores {@code sort} and
 * orders by relevance. {@code viewer} decides which skills are there at all; without one, a query sees only what
 * an anonymous caller sees ({@link Viewer#PUBLIC}), and {@link #all()} sees everything (the database's owner).
 */
public record SkillQuery(
        Optional<String> namespace,
        Optional<String> status,
        Optional<String> tag,
        Optional<String> category,
        Sort sort,
        int limit,
        int offset,
        Viewer viewer) {

    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 10_000;

    public enum Sort {
        NAME,
        UPDATED,
        CREATED,
        /** Best rated first by {@link Rating#smoothed()}, then most reviewed. */
        RATING
    }

    public SkillQuery(Optional<String> namespace, Optional<String> status, Optional<String> tag,
            Optional<String> category, Sort sort, int limit, int offset) {
        this(namespace, status, tag, category, sort, limit, offset, Viewer.PUBLIC);
    }

    public SkillQuery {
        java.util.Objects.requireNonNull(viewer, "viewer");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new IllegalArgumentException("offset must be between 0 and " + MAX_OFFSET + ", got " + offset);
        }
    }

    /** Everything, sorted by name, first page of 20. */
    public static SkillQuery all() {
        return new SkillQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Sort.NAME, 20, 0,
                Viewer.EVERYTHING);
    }

    /** This query as {@code other} sees it. */
    public SkillQuery as(Viewer other) {
        return new SkillQuery(namespace, status, tag, category, sort, limit, offset, other);
    }
}
