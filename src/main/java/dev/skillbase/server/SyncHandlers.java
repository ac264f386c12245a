package dev.skillbase.server;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.SkillHead;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code GET /api/v1/sync/heads?namespace=NS}: the latest content digest of every skill of a namespace the caller may
 * read, in one response, so that a sync compares a whole folder with one request instead of one per skill.
 * Thread-safe.
 */
final class SyncHandlers {
    private final LocalRegistry registry;

    SyncHandlers(LocalRegistry registry) {
        this.registry = registry;
    }

    void heads(Context ctx) {
        String value = ctx.queryParam(PathParams.NAMESPACE);
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException(PathParams.NAMESPACE, "namespace-missing",
                    "the query parameter namespace is required");
        }
        String namespace = PathParams.name(value, PathParams.NAMESPACE);
        List<HeadView> skills = registry.heads(namespace, Callers.viewer(ctx)).stream().map(HeadView::of).toList();
        ctx.json(new HeadsView(namespace, skills));
    }

    record HeadsView(String namespace, List<HeadView> skills) {
    }

    record HeadView(String name, String taxonomyPath, String status, String version, String contentDigest) {
        static HeadView of(SkillHead head) {
            return new HeadView(head.ref().name(), head.taxonomyPath(), head.status(), head.version(),
                    head.contentDigest());
        }
    }
}
