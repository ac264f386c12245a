package dev.skillbase.server;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.MatchHit;
import dev.skillbase.registry.Page;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.registry.SkillSummary;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /api/v1/match {task, limit}}: the skills that fit a task, best first, each with its score and reason,
 * among the skills the caller may see (a private skill is never matched for someone who may not read it). The task
 * is required, 1 to {@link MatchHit#MAX_TASK} characters with at least one letter or digit; the limit 1 to
 * {@link MatchHit#MAX_LIMIT} (default {@link MatchHit#DEFAULT_LIMIT}). Every wrong field is reported in one 422.
 */
final class MatchHandler {
    private static final Set<String> FIELDS = Set.of("task", "limit");

    private final LocalRegistry registry;

    MatchHandler(LocalRegistry registry) {
        this.registry = registry;
    }

    /** One matched skill: its summary as lists give it, its score and the fields that matched with their words. */
    record MatchItem(String namespace, String name, String title, String description, String taxonomyPath,
            String status, String latestVersion, List<String> tags, long installs, Instant createdAt,
            Instant updatedAt, double score, Map<String, List<String>> reason) {
        static MatchItem of(MatchHit hit) {
            SkillSummary s = hit.skill();
            return new MatchItem(s.ref().namespace(), s.ref().name(), s.title(), s.description(), s.taxonomyPath(),
                    s.status(), s.latestVersion().orElse(null), s.tags(), s.installs(), s.createdAt(),
                    s.updatedAt(), hit.score(), hit.reason());
        }
    }

    void handle(Context ctx) {
        JsonBody body = JsonBody.read(ctx, FIELDS);
        Optional<String> task = body.text("task");
        if (!body.has("task")) {
            body.error("task", "required", "task is required: describe the task in plain words");
        } else if (task.isPresent() && task.get().codePoints().noneMatch(Character::isLetterOrDigit)) {
            body.error("task", "empty-task", "task is empty: describe the task in a few words");
        } else if (task.isPresent() && task.get().length() > MatchHit.MAX_TASK) {
            body.error("task", "task-too-long", "task is " + task.get().length() + " characters long; at most "
                    + MatchHit.MAX_TASK + " are accepted");
        }
        int limit = body.integer("limit", 1, MatchHit.MAX_LIMIT).orElse(MatchHit.DEFAULT_LIMIT);
        body.done();
        SkillQuery query = new SkillQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                SkillQuery.Sort.NAME, limit, 0, Callers.viewer(ctx));
        Page<MatchHit> page = registry.match(task.orElseThrow(), query);
        ctx.header("Cache-Control", "private, no-cache");
        ctx.json(new WireViews.PageView<>(page.items().stream().map(MatchItem::of).toList(), page.total(),
                page.limit(), page.offset(), null));
    }
}
