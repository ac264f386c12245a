package dev.skillbase.account;

import dev.skillbase.registry.Viewer;
import java.util.Optional;

/**
 * Who may do what. Every change needs a token ({@link AuthenticationRequiredException} otherwise) with scope
 * {@code publish} ({@link AccessDeniedException}), and a role in the namespace: owner or maintainer to publish and
 * edit skills, owner to archive skills and manage members. An admin acting with an {@code admin}-scoped token may do
 * anything. Namespaces a caller may not see are reported as missing ({@link NamespaceNotFoundException}), never as
 * forbidden. Thread-safe.
 */
public final class Access {
    private final Accounts accounts;

    public Access(Accounts accounts) {
        this.accounts = accounts;
    }

    /** What the caller may read. */
    public static Viewer viewer(Optional<Principal> caller) {
        return caller.map(p -> p.actsAsAdmin() ? Viewer.EVERYTHING : Viewer.user(p.user().id())).orElse(Viewer.PUBLIC);
    }

    /** @throws AuthenticationRequiredException when there is no caller */
    public static Principal require(Optional<Principal> caller, String action) {
        return caller.orElseThrow(() -> new AuthenticationRequiredException(action
                + " needs a token: send Authorization: Bearer <token> (skillbase token create)"));
    }

    /** @throws AccessDeniedException unless the caller acts as an admin */
    public static void requireAdmin(Principal caller, String action) {
        if (!caller.actsAsAdmin()) {
            throw new AccessDeniedException(action + " is for admins (with a token of scope admin)");
        }
    }

    /** @throws AccessDeniedException unless the token may make changes */
    public static void requirePublishScope(Principal caller) {
        if (!caller.has(Scope.PUBLISH) && !caller.actsAsAdmin()) {
            throw new AccessDeniedException("this token has scope " + Scope.join(caller.scopes())
                    + ": changes need a token with scope publish");
        }
    }

    /**
     * Requires the caller to hold {@code least} or a stronger role in the namespace (owner &gt; maintainer &gt;
     * member), or to act as an admin.
     */
    public void requireRole(Principal caller, String namespace, Role least, String action) {
        if (caller.actsAsAdmin()) {
            return;
        }
        requirePublishScope(caller);
        Optional<Role> role = accounts.role(namespace, caller.user().id());
        if (role.isEmpty() || role.get().ordinal() > least.ordinal()) {
            throw new AccessDeniedException(action + " needs role " + least.wire()
                    + (least == Role.OWNER ? "" : " or owner") + " in namespace " + namespace + "; "
                    + caller.user().name() + (role.map(r -> " is " + r.wire()).orElse(" is not a member")));
        }
    }

    /** Whether the caller may see the namespace at all (public, or a member, or an admin). */
    public boolean canSee(Optional<Principal> caller, Namespace namespace) {
        if (!namespace.isPrivate() || caller.map(Principal::actsAsAdmin).orElse(false)) {
            return true;
        }
        return caller.flatMap(p -> accounts.role(namespace.name(), p.user().id())).isPresent();
    }

    /**
     * Lets the caller publish or create skills in {@code namespace}. A missing namespace is created for an admin
     * (by the write itself, without an owner) or, when it bears the caller's own name, as the caller's user
     * namespace; anyone else gets a 404 for it.
     */
    public void requirePublish(Principal caller, String namespace) {
        requirePublishScope(caller);
        Optional<Namespace> existing = accounts.namespace(namespace);
        if (existing.isEmpty()) {
            if (caller.actsAsAdmin()) {
                return;
            }
            if (caller.user().name().equals(namespace)) {
                try {
                    accounts.createNamespace(namespace, Namespace.Kind.USER, Optional.of(caller.user().name()), false);
                    return;
                } catch (AccountConflictException e) {
                    // created meanwhile by a concurrent request: check the caller's role in it below
                }
            }
            throw new NamespaceNotFoundException(namespace);
        }
        if (existing.isPresent() && !canSee(Optional.of(caller), existing.get())) {
            throw new NamespaceNotFoundException(namespace);
        }
        requireRole(caller, namespace, Role.MAINTAINER, "publishing into " + namespace);
    }
}
