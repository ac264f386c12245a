package dev.skillbase.store;

import dev.skillbase.account.AccountConflictException;
import dev.skillbase.account.Member;
import dev.skillbase.account.Namespace;
import dev.skillbase.account.NamespaceNotFoundException;
import dev.skillbase.account.Role;
import dev.skillbase.account.UserNotFoundException;
import dev.skillbase.audit.AuditEntry;
import dev.skillbase.audit.AuditLog;
import dev.skillbase.registry.Viewer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Namespaces and their memberships. Thread-safe. */
public final class NamespaceStore {
    private static final String SELECT = """
            SELECT n.id, n.name, n.kind, u.login AS owner, n.visibility, n.created_at
            FROM namespaces n LEFT JOIN users u ON u.id = n.owner_id""";

    private final Database database;

    public NamespaceStore(Database database) {
        this.database = database;
    }

    /**
     * Creates a namespace; its owner (if any) becomes a member with role owner.
     *
     * @throws AccountConflictException when the name is taken
     * @throws UserNotFoundException when the owner does not exist
     */
    public Namespace create(String name, Namespace.Kind kind, Optional<String> owner, boolean isPrivate,
            Instant now) {
        return database.write("creating namespace " + name, handle -> {
            Optional<Long> ownerId = owner.map(o -> UserStore.find(handle, o)
                    .orElseThrow(() -> new UserNotFoundException(o)).id());
            insert(handle, name, kind, ownerId, isPrivate, now);
            Namespace created = find(handle, name).orElseThrow();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("kind", kind.name().toLowerCase(Locale.ROOT));
            details.put("owner", owner.orElse(null));
            details.put("visibility", isPrivate ? "private" : "public");
            AuditLog.append(handle, AuditEntry.namespace("namespace.create", name, details));
            return created;
        });
    }

    static void insert(Handle handle, String name, Namespace.Kind kind, Optional<Long> ownerId, boolean isPrivate,
            Instant now) {
        long id = handle.createQuery("""
                        INSERT INTO namespaces (name, kind, owner_id, visibility, created_at)
                        VALUES (:name, :kind, :owner, :visibility, :now)
                        ON CONFLICT (name) DO NOTHING RETURNING id""")
                .bind("name", name)
                .bind("kind", kind.name().toLowerCase(Locale.ROOT))
                .bind("owner", ownerId.orElse(null))
                .bind("visibility", isPrivate ? "private" : "public")
                .bind("now", now)
                .mapTo(Long.class).findOne()
                .orElseThrow(() -> new AccountConflictException("namespace " + name + " already exists"));
        ownerId.ifPresent(owner -> upsertMember(handle, id, owner, Role.OWNER));
    }

    public Optional<Namespace> find(String name) {
        return database.read("reading namespace " + name, handle -> find(handle, name));
    }

    static Optional<Namespace> find(Handle handle, String name) {
        return handle.createQuery(SELECT + " WHERE n.name = :name").bind("name", name)
                .map(NamespaceStore::map).findOne();
    }

    /** The user's role in the namespace, if a member. */
    public Optional<Role> role(String namespace, long userId) {
        return database.read("reading a role in " + namespace, handle -> handle.createQuery("""
                        SELECT m.role FROM memberships m JOIN namespaces n ON n.id = m.namespace_id
                        WHERE n.name = :namespace AND m.user_id = :user""")
                .bind("namespace", namespace).bind("user", userId)
                .mapTo(String.class).findOne().map(r -> Role.parse(r, "role")));
    }

    public List<Member> members(String namespace) {
        return database.read("listing the members of " + namespace, handle -> handle.createQuery("""
                        SELECT u.login, m.role FROM memberships m
                        JOIN namespaces n ON n.id = m.namespace_id JOIN users u ON u.id = m.user_id
                        WHERE n.name = :namespace ORDER BY u.login""")
                .bind("namespace", namespace)
                .map((rs, ctx) -> new Member(rs.getString("login"), Role.parse(rs.getString("role"), "role")))
                .list());
    }

    /** How many skills of the namespace the viewer may see in lists. */
    public long skillCount(String namespace, Viewer viewer) {
        VisibilityFilter filter = VisibilityFilter.listed(viewer);
        return database.read("counting the skills of " + namespace, handle -> handle.createQuery(
                        "SELECT count(*) FROM " + SkillRows.FROM + " WHERE n.name = :namespace AND " + filter.where())
                .bind("namespace", namespace).bindMap(filter.parameters()).mapTo(Long.class).one());
    }

    /**
     * Adds the user or changes their role.
     *
     * @throws AccountConflictException when this would leave the namespace without an owner
     */
    public void setMember(String namespace, String user, Role role) {
        database.write("setting a member of " + namespace, handle -> {
            long namespaceId = namespaceId(handle, namespace);
            long userId = UserStore.find(handle, user).orElseThrow(() -> new UserNotFoundException(user)).id();
            long owners = owners(handle, namespaceId);
            Optional<String> previous = handle.createQuery(
                            "SELECT role FROM memberships WHERE namespace_id = :ns AND user_id = :user")
                    .bind("ns", namespaceId).bind("user", userId).mapTo(String.class).findOne();
            upsertMember(handle, namespaceId, userId, role);
            if (!previous.equals(Optional.of(role.wire()))) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("user", user);
                details.put("role", role.wire());
                details.put("previous_role", previous.orElse(null));
                AuditLog.append(handle, AuditEntry.namespace("member.set", namespace, details));
            }
            requireOwner(handle, namespaceId, namespace, owners); // a refusal here rolls the entry back too
            return null;
        });
    }

    /** @return whether the user was a member */
    public boolean removeMember(String namespace, String user) {
        return database.write("removing a member of " + namespace, handle -> {
            long namespaceId = namespaceId(handle, namespace);
            long userId = UserStore.find(handle, user).orElseThrow(() -> new UserNotFoundException(user)).id();
            long owners = owners(handle, namespaceId);
            int removed = handle.createUpdate("DELETE FROM memberships WHERE namespace_id = :ns AND user_id = :user")
                    .bind("ns", namespaceId).bind("user", userId).execute();
            if (removed > 0) {
                AuditLog.append(handle, AuditEntry.namespace("member.remove", namespace, Map.of("user", user)));
            }
            requireOwner(handle, namespaceId, namespace, owners); // a refusal here rolls the entry back too
            return removed > 0;
        });
    }

    private static long namespaceId(Handle handle, String namespace) {
        return find(handle, namespace).orElseThrow(() -> new NamespaceNotFoundException(namespace)).id();
    }

    private static long owners(Handle handle, long namespaceId) {
        return handle.createQuery("SELECT count(*) FROM memberships WHERE namespace_id = :ns AND role = 'owner'")
                .bind("ns", namespaceId).mapTo(Long.class).one();
    }

    /** A namespace that had an owner keeps one (thrown inside the transaction, so the change rolls back). */
    private static void requireOwner(Handle handle, long namespaceId, String namespace, long ownersBefore) {
        if (ownersBefore > 0 && owners(handle, namespaceId) == 0) {
            throw new AccountConflictException("namespace " + namespace + " would have no owner left: "
                    + "make someone else owner first");
        }
    }

    private static void upsertMember(Handle handle, long namespaceId, long userId, Role role) {
        handle.createUpdate("""
                        INSERT INTO memberships (namespace_id, user_id, role) VALUES (:ns, :user, :role)
                        ON CONFLICT (namespace_id, user_id) DO UPDATE SET role = excluded.role""")
                .bind("ns", namespaceId).bind("user", userId).bind("role", role.wire()).execute();
    }

    private static Namespace map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Namespace(rs.getLong("id"), rs.getString("name"),
                Namespace.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                Columns.optional(rs, "owner"), "private".equals(rs.getString("visibility")),
                Columns.instant(rs, "created_at", ctx));
    }
}
