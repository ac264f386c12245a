package dev.skillbase.server;

import dev.skillbase.account.Access;
import dev.skillbase.account.Principal;
import dev.skillbase.account.Role;
import dev.skillbase.audit.AuditLog;
import dev.skillbase.audit.AuditQuery;
import dev.skillbase.audit.AuditRecord;
import dev.skillbase.registry.Page;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/audit}: the audit log, newest first, for admins (everything) and namespace owners (the entries of
 * the namespaces they own), filtered by {@code action}, {@code target_type}, {@code target} and {@code namespace},
 * paged by {@code limit} (1-100, default 20) and {@code offset}. There is no route that changes or deletes an entry.
 */
final class AuditHandlers {
    private static final String ACTION = "[a-z_]+(\\.[a-z_]+)*";
    private static final int DEFAULT_LIMIT = 20;

    private final AuditLog audit;
    private final Access access;

    AuditHandlers(AuditLog audit, Access access) {
        this.audit = audit;
        this.access = access;
    }

    record AuditView(long id, Instant at, String actor, String action, String targetType, String target,
            String namespace, JsonNode details) {
        static AuditView of(AuditRecord r) {
            return new AuditView(r.id(), r.at(), r.actor(), r.action(), r.targetType(), r.target(),
                    r.namespace().orElse(null), Json.MAPPER.readTree(r.detailsJson()));
        }
    }

    record AuditPage(List<AuditView> items, long total, int limit, int offset) {
    }

    void list(Context ctx) {
        Principal caller = Access.require(Callers.of(ctx), "reading the audit log");
        Optional<String> namespace = param(ctx, "namespace").map(v -> PathParams.name(v, "namespace"));
        if (!caller.actsAsAdmin()) {
            namespace.ifPresent(ns -> access.requireRole(caller, ns, Role.OWNER, "reading the audit log of " + ns));
        }
        Optional<String> action = param(ctx, "action").map(AuditHandlers::action);
        int limit = param(ctx, "limit").map(v -> ListRequest.integer(v, "limit", 1, AuditQuery.MAX_LIMIT))
                .orElse(DEFAULT_LIMIT);
        int offset = param(ctx, "offset").map(v -> ListRequest.integer(v, "offset", 0, AuditQuery.MAX_OFFSET))
                .orElse(0);
        AuditQuery query = new AuditQuery(action, param(ctx, "target_type"), param(ctx, "target"), namespace,
                caller.actsAsAdmin() ? OptionalLong.empty() : OptionalLong.of(caller.user().id()), limit, offset);
        Page<AuditRecord> page = audit.list(query);
        ctx.header("Cache-Control", "private, no-store");
        ctx.json(new AuditPage(page.items().stream().map(AuditView::of).toList(), page.total(), limit, offset));
    }

    private static Optional<String> param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String action(String value) {
        if (value.length() > 64 || !value.matches(ACTION)) {
            throw new InvalidParameterException("action", "invalid-action", "action \"" + value
                    + "\" is not an action name such as skill.publish or member.set");
        }
        return value;
    }
}
