package dev.skillbase.registry;

import java.util.Optional;

/** A skill tag, its category, and how many skills (that the viewer may list) carry it. */
public record TagCount(String name, Optional<String> category, long skills) {
}
