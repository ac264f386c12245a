package dev.skillbase.server;

import dev.skillbase.registry.SkillQuery;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The query of {@code GET /api/v1/skills}, checked: whitelisted filters and sort keys, {@code limit} 1-100
 * (default 20), and either {@code offset} (0 to {@link SkillQuery#MAX_OFFSET}) or an opaque {@code cursor} from a
 * previous page of the same query. Anything else is a 400 naming the parameter.
 */
record ListRequest(SkillQuery query, Optional<String> text) {
    static final int DEFAULT_LIMIT = 20;
    private static final Set<String> STATUSES = Set.of("draft", "active", "deprecated", "archived");

    static ListRequest parse(Context ctx) {
        Optional<String> namespace = param(ctx, "namespace").map(v -> PathParams.name(v, "namespace"));
        Optional<String> status = param(ctx, "status").map(ListRequest::status);
        Optional<String> tag = param(ctx, "tag").map(v -> v.strip().toLowerCase(Locale.ROOT));
        Optional<String> category = param(ctx, "category").map(ListRequest::category);
        Optional<String> text = param(ctx, "q").map(String::strip).filter(v -> !v.isEmpty());
        SkillQuery.Sort sort = sort(param(ctx, "sort"), text.isPresent());
        int limit = param(ctx, "limit").map(v -> integer(v, "limit", 1, SkillQuery.MAX_LIMIT)).orElse(DEFAULT_LIMIT);
        Optional<String> offsetParam = param(ctx, "offset");
        Optional<String> cursorParam = param(ctx, "cursor");
        if (offsetParam.isPresent() && cursorParam.isPresent()) {
            throw new InvalidParameterException("cursor", "cursor-with-offset",
                    "give either offset or cursor, not both");
        }
        SkillQuery probe = new SkillQuery(namespace, status, tag, category, sort, limit, 0);
        String fingerprint = Cursor.fingerprint(probe, text);
        int offset = cursorParam.map(c -> Cursor.decode(c, fingerprint))
                .orElseGet(() -> offsetParam.map(v -> integer(v, "offset", 0, SkillQuery.MAX_OFFSET)).orElse(0));
        return new ListRequest(new SkillQuery(namespace, status, tag, category, sort, limit, offset,
                Callers.viewer(ctx)), text);
    }

    /** The cursor of the page after this one, or null when this page is the last reachable one. */
    String nextCursor(long total) {
        long next = (long) query.offset() + query.limit();
        if (next >= total || next > SkillQuery.MAX_OFFSET) {
            return null;
        }
        return Cursor.encode((int) next, Cursor.fingerprint(query, text));
    }

    private static Optional<String> param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name));
    }

    private static String status(String value) {
        String status = value.strip().toLowerCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw new InvalidParameterException("status", "invalid-status", "status \"" + value
                    + "\" is not one of draft, active, deprecated, archived");
        }
        return status;
    }

    private static String category(String value) {
        String category = value.strip();
        if (!category.matches("[a-z0-9-]+(/[a-z0-9-]+)*")) {
            throw new InvalidParameterException("category", "invalid-category", "category \"" + value
                    + "\" is not a taxonomy path such as development/languages/python (lower-case words and '/')");
        }
        return category;
    }

    private static SkillQuery.Sort sort(Optional<String> value, boolean searching) {
        if (value.isEmpty()) {
            return SkillQuery.Sort.NAME;
        }
        String key = value.get().strip().toLowerCase(Locale.ROOT);
        if (key.equals("relevance")) {
            if (!searching) {
                throw new InvalidParameterException("sort", "invalid-sort", "sort \"relevance\" needs a search: add q");
            }
            return SkillQuery.Sort.NAME;
        }
        if (searching) {
            throw new InvalidParameterException("sort", "invalid-sort", "sort \"" + value.get()
                    + "\" is not available with q: search results are ordered by relevance");
        }
        return switch (key) {
            case "name" -> SkillQuery.Sort.NAME;
            case "updated" -> SkillQuery.Sort.UPDATED;
            case "created" -> SkillQuery.Sort.CREATED;
            case "rating" -> SkillQuery.Sort.RATING;
            default -> throw new InvalidParameterException("sort", "invalid-sort", "sort \"" + value.get()
                    + "\" is not one of name, updated, created, rating (or relevance with q)");
        };
    }

    static int integer(String value, String parameter, int min, int max) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameterException(parameter, "out-of-range", parameter + " \"" + value
                + "\" must be a whole number from " + min + " to " + max);
    }
}
