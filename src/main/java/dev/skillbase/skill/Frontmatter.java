package dev.skillbase.skill;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed YAML frontmatter of a SKILL.md: an ordered, immutable map whose scalars are kept as the strings
 * they were written as where the spec says string ({@code version: 1.0} stays "1.0").
 */
public final class Frontmatter {

    /** The top-level keys in document order, values as parsed (String, Boolean, Long, List, Map). */
    public Map<String, Object> values() {
        throw new UnsupportedOperationException("implemented by the skill work");
    }

    /** A top-level value that is a non-blank string. */
    public Optional<String> string(String key) {
        throw new UnsupportedOperationException("implemented by the skill work");
    }

    public Optional<String> name() {
        return string("name");
    }

    public Optional<String> description() {
        return string("description");
    }

    /** {@code metadata} with every value rendered as a string (lenient view; empty when absent or not a map). */
    public Map<String, String> metadata() {
        throw new UnsupportedOperationException("implemented by the skill work");
    }

    /**
     * Tags, lower-cased and de-duplicated in order: {@code metadata.tags} (a list or a comma-separated string),
     * then a top-level {@code tags} list.
     */
    public List<String> tags() {
        throw new UnsupportedOperationException("implemented by the skill work");
    }

    /** The frontmatter as one JSON object (for storage); key order kept. */
    public String toJson() {
        throw new UnsupportedOperationException("implemented by the skill work");
    }
}
