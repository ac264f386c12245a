package dev.skillbase.store;

import java.util.List;

/** The text of a skill that full-text search weighs: name and title most, then tags, description, body. */
public record SearchDocument(String name, String title, List<String> tags, String description, String body) {
    /** Bodies beyond this many characters are indexed only up to it (PostgreSQL caps a tsvector at 1 MB). */
    public static final int MAX_BODY_CHARS = 100_000;

    public SearchDocument {
        tags = List.copyOf(tags);
        body = body.length() > MAX_BODY_CHARS ? body.substring(0, MAX_BODY_CHARS) : body;
    }
}
