package dev.skillbase.registry;

import java.util.List;

/**
 * A node of the taxonomy tree built from skills' taxonomy paths: {@code skills} counts the skills at this path or
 * below it (that the viewer may list).
 */
public record Category(String name, String path, long skills, List<Category> children) {
    public Category {
        children = List.copyOf(children);
    }
}
