package dev.skillbase.registry;

import java.util.List;

/** One page of results and the total number of matches. */
public record Page<T>(List<T> items, long total, int limit, int offset) {
    public Page {
        items = List.copyOf(items);
    }
}
