package dev.skillbase.registry;

import java.util.List;

/**
 * How many skills of a result set (every match of a list or search, not only its page) carry each tag and sit in
 * each category (taxonomy path), most first, at most {@link #MAX} of each.
 */
public record Facets(List<Count> tags, List<Count> categories) {
    public static final int MAX = 20;

    public Facets {
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
    }

    public static Facets none() {
        return new Facets(List.of(), List.of());
    }

    /** A tag or a category and its number of skills. */
    public record Count(String value, long skills) {
    }
}
