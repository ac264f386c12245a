package dev.skillbase.server;

import dev.skillbase.account.Access;
import dev.skillbase.account.Accounts;
import dev.skillbase.account.Member;
import dev.skillbase.account.Namespace;
import dev.skillbase.account.NamespaceInfo;
import dev.skillbase.account.NamespaceNotFoundException;
import dev.skillbase.account.Principal;
import dev.skillbase.account.Role;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Namespaces: read one (members listed for its members and admins), create one (an admin: any kind and owner; a
 * user: an org namespace they own), and set or remove members (owners and admins). A private namespace is a 404 to
 * whoever may not see it.
 */
final class NamespaceHandlers {
    private final Accounts accounts;
    private final Access access;

    NamespaceHandlers(Accounts accounts, Access access) {
        this.accounts = accounts;
        this.access = access;
    }

    record NamespaceView(String name, String kind, String owner, String visibility, long memberCount,
            long skillCount, List<MemberView> members, Instant createdAt) {
        static NamespaceView of(NamespaceInfo info) {
            Namespace n = info.namespace();
            return new NamespaceView(n.name(), n.kind().name().toLowerCase(Locale.ROOT), n.owner().orElse(null),
                    n.isPrivate() ? "private" : "public", info.memberCount(), info.skillCount(),
                    info.members().map(list -> list.stream().map(MemberView::of).toList()).orElse(null),
                    n.createdAt());
        }
    }

    record MemberView(String user, String role) {
        static MemberView of(Member m) {
            return new MemberView(m.user(), m.role().wire());
        }
    }

    void get(Context ctx) {
        Optional<Principal> caller = Callers.of(ctx);
        Namespace namespace = visible(caller, ctx.pathParam("namespace"));
        boolean member = caller.map(p -> p.actsAsAdmin()
                || accounts.role(namespace.name(), p.user().id()).isPresent()).orElse(false);
        ctx.json(NamespaceView.of(accounts.info(namespace, Callers.viewer(ctx), member)));
    }

    void create(Context ctx) {
        Principal caller = Access.require(Callers.of(ctx), "creating a namespace");
        Access.requirePublishScope(caller);
        JsonBody body = JsonBody.read(ctx, Set.of("name", "kind", "owner", "visibility"));
        Optional<String> name = body.text("name");
        if (name.isEmpty()) {
            body.error("name", "name-missing", "name is required");
        }
        Namespace.Kind kind = body.choice("kind", List.of("user", "org"))
                .map(k -> Namespace.Kind.valueOf(k.toUpperCase(Locale.ROOT))).orElse(Namespace.Kind.ORG);
        Optional<String> owner = body.text("owner");
        boolean isPrivate = body.choice("visibility", List.of("public", "private")).map("private"::equals)
                .orElse(false);
        body.done();
        if (!caller.actsAsAdmin()) {
            if (kind != Namespace.Kind.ORG || owner.filter(o -> !o.equals(caller.user().name())).isPresent()) {
                Access.requireAdmin(caller, "creating a user namespace, or one owned by someone else,");
            }
        }
        Namespace created = accounts.createNamespace(name.orElseThrow(), kind,
                Optional.of(owner.orElse(caller.user().name())), isPrivate);
        ctx.status(201).json(NamespaceView.of(accounts.info(created, Callers.viewer(ctx), true)));
    }

    void putMember(Context ctx) {
        String namespace = manageable(ctx);
        JsonBody body = JsonBody.read(ctx, Set.of("role"));
        Optional<String> role = body.choice("role", List.of("owner", "maintainer", "member"));
        if (role.isEmpty() && !body.has("role")) {
            body.error("role", "role-missing", "role is required: owner, maintainer or member");
        }
        body.done();
        String user = ctx.pathParam("user");
        accounts.setMember(namespace, user, Role.parse(role.orElseThrow(), "role"));
        ctx.json(new MemberView(user, role.get()));
    }

    void deleteMember(Context ctx) {
        String namespace = manageable(ctx);
        accounts.removeMember(namespace, ctx.pathParam("user"));
        ctx.status(204);
    }

    /** A token (401), the namespace visible (404), the caller an owner of it (403). */
    private String manageable(Context ctx) {
        Principal caller = Access.require(Callers.of(ctx), "managing members");
        Namespace namespace = visible(Optional.of(caller), ctx.pathParam("namespace"));
        access.requireRole(caller, namespace.name(), Role.OWNER, "managing the members of " + namespace.name());
        return namespace.name();
    }

    private Namespace visible(Optional<Principal> caller, String name) {
        PathParams.name(name, "namespace");
        return accounts.namespace(name).filter(n -> access.canSee(caller, n))
                .orElseThrow(() -> new NamespaceNotFoundException(name));
    }
}
