package dev.skillbase.skill;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parsed YAML frontmatter of a SKILL.md: an ordered, immutable map whose scalars are kept as the strings
 * they were written as where the spec says string ({@code version: 1.0} stays "1.0"). Numbers are kept as their
 * source text; {@code true}/{@code false} become Boolean and {@code null}/{@code ~}/empty become null. Thread-safe.
 */
public final class Frontmatter {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> values;

    private Frontmatter(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * Frontmatter holding {@code values} (copied deeply into unmodifiable maps and lists, key order kept); map keys
     * that are not strings are rendered with {@code String.valueOf}.
     */
    public static Frontmatter of(Map<?, ?> values) {
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) freeze(values);
        return new Frontmatter(copy);
    }

    private static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), freeze(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof Iterable<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(freeze(v)));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        return value;
    }

    /** The top-level keys in document order, values as parsed (String, Boolean, List, Map, or null). */
    public Map<String, Object> values() {
        return values;
    }

    /** A top-level value that is a non-blank string. */
    public Optional<String> string(String key) {
        return values.get(key) instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }

    public Optional<String> name() {
        return string("name");
    }

    public Optional<String> description() {
        return string("description");
    }

    /** {@code metadata} with every value rendered as a string (lenient view; empty when absent or not a map). */
    public Map<String, String> metadata() {
        if (!(values.get("metadata") instanceof Map<?, ?> map)) {
            return Map.of();
        }
        Map<String, String> rendered = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v != null) {
                rendered.put(String.valueOf(k), render(v));
            }
        });
        return Collections.unmodifiableMap(rendered);
    }

    private static String render(Object value) {
        return value instanceof Map<?, ?> || value instanceof List<?> ? JSON.writeValueAsString(value) : String.valueOf(value);
    }

    /**
     * Tags, lower-cased and de-duplicated in order: {@code metadata.tags} (a list or a comma-separated string),
     * then a top-level {@code tags} list.
     */
    public List<String> tags() {
        Set<String> tags = new LinkedHashSet<>();
        if (values.get("metadata") instanceof Map<?, ?> metadata) {
            addTags(metadata.get("tags"), tags);
        }
        addTags(values.get("tags"), tags);
        return List.copyOf(tags);
    }

    private static void addTags(Object value, Set<String> tags) {
        List<?> items = value instanceof List<?> list ? list
                : value instanceof String text ? List.of(text.split(","))
                : List.of();
        for (Object item : items) {
            if (item instanceof String || item instanceof Boolean) {
                String tag = item.toString().strip().toLowerCase(Locale.ROOT);
                if (!tag.isEmpty()) {
                    tags.add(tag);
                }
            }
        }
    }

    /** The frontmatter as one JSON object (for storage); key order kept. */
    public String toJson() {
        return JSON.writeValueAsString(values);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Frontmatter that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "Frontmatter" + values;
    }
}
