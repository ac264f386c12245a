package dev.skillbase.server;

import dev.skillbase.analytics.AnalyticsEvent;
import dev.skillbase.analytics.EventRecorder;
import dev.skillbase.registry.SkillDetails;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /api/search?q=&limit=&owner=}: the search API of skills.sh, which {@code skills find} calls on
 * {@code $SKILLS_API_URL}. {@code owner} is a namespace; each result's {@code source} is its namespace's base URL,
 * which {@code skills add SOURCE --skill NAME} installs from. Each result counts as a {@code searched} event.
 * Thread-safe.
 */
final class SkillsSearchHandler {
    static final int DEFAULT_LIMIT = 10;

    private final PublicCatalog catalog;
    private final Supplier<Links> links;
    private final EventRecorder events;

    SkillsSearchHandler(PublicCatalog catalog, Supplier<Links> links, EventRecorder events) {
        this.catalog = catalog;
        this.links = links;
        this.events = events;
    }

    record Results(List<Result> skills) {
    }

    record Result(String id, String name, long installs, String source) {
    }

    void handle(Context ctx) {
        String text = Optional.ofNullable(ctx.queryParam("q")).map(String::strip).filter(q -> !q.isEmpty())
                .orElseThrow(() -> new InvalidParameterException("q", "query-missing",
                        "q is missing: give the words to search for, e.g. /api/search?q=pdf"));
        Optional<String> owner = Optional.ofNullable(ctx.queryParam("owner")).map(String::strip)
                .map(o -> PathParams.name(o, "owner"));
        int limit = Optional.ofNullable(ctx.queryParam("limit")).map(SkillsSearchHandler::limit).orElse(DEFAULT_LIMIT);
        Links base = links.get();
        List<SkillDetails> found = catalog.search(text, owner, limit);
        if (!ReadHandlers.isHead(ctx)) {
            found.forEach(skill -> events.observed(AnalyticsEvent.SEARCHED, skill.ref()));
        }
        List<Result> results = found.stream().map(skill -> result(skill, base)).toList();
        ctx.json(new Results(results));
    }

    private static Result result(SkillDetails skill, Links base) {
        return new Result(skill.ref().toString(), skill.ref().name(), skill.installs(),
                base.namespace(skill.ref().namespace()));
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= 100) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidParameterException("limit", "out-of-range", "limit \"" + value
                + "\" must be a whole number from 1 to 100");
    }
}
