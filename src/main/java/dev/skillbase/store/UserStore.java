package dev.skillbase.store;

import dev.skillbase.account.AccountConflictException;
import dev.skillbase.account.Namespace;
import dev.skillbase.account.TokenInfo;
import dev.skillbase.account.User;
import dev.skillbase.audit.AuditEntry;
import dev.skillbase.audit.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Users. A new user gets the namespace of the same name (kind user, owned by them) when that name is free. */
public final class UserStore {
    private static final String SELECT = "SELECT id, login, is_admin, created_at FROM users";

    private final Database database;

    public UserStore(Database database) {
        this.database = database;
    }

    /** @throws AccountConflictException when the name is taken */
    public User create(String name, boolean admin, Instant now) {
        return database.write("creating user " + name, handle -> {
            User user = insert(handle, name, admin, now);
            AuditLog.append(handle, AuditEntry.user("user.create", name, Map.of("admin", admin)));
            return user;
        });
    }

    /** Inside a write transaction: the new user and their own namespace (when free). */
    static User insert(Handle handle, String name, boolean admin, Instant now) {
        long id = handle.createQuery("""
                        INSERT INTO users (login, is_admin, created_at) VALUES (:name, :admin, :now)
                        ON CONFLICT (login) DO NOTHING RETURNING id""")
                .bind("name", name).bind("admin", admin).bind("now", now)
                .mapTo(Long.class).findOne()
                .orElseThrow(() -> new AccountConflictException("user " + name + " already exists"));
        if (NamespaceStore.find(handle, name).isEmpty()) {
            NamespaceStore.insert(handle, name, Namespace.Kind.USER, Optional.of(id), false, now);
        }
        return new User(id, name, admin, now);
    }

    /**
     * In one transaction: refuses when an admin exists, else creates the user (or promotes them) and stores the
     * token {@code token} describes.
     *
     * @throws AccountConflictException when there is an admin already
     */
    public TokenInfo bootstrapAdmin(String name, Instant now, Function<User, TokenStore.NewToken> token) {
        return database.write("bootstrapping admin " + name, handle -> {
            if (anyAdmin(handle)) {
                throw new AccountConflictException("an admin exists already: bootstrap is only for a registry "
                        + "without one; ask an admin for a token, or use skillbase user/token commands");
            }
            User user = find(handle, name).map(found -> promote(handle, found))
                    .orElseGet(() -> insert(handle, name, true, now));
            AuditLog.append(handle, AuditEntry.user("user.bootstrap_admin", name, Map.of()));
            return TokenStore.insert(handle, token.apply(user));
        });
    }

    public Optional<User> find(String name) {
        return database.read("reading user " + name, handle -> find(handle, name));
    }

    static Optional<User> find(Handle handle, String name) {
        return handle.createQuery(SELECT + " WHERE login = :name").bind("name", name).map(UserStore::map).findOne();
    }

    static boolean anyAdmin(Handle handle) {
        return handle.createQuery("SELECT count(*) FROM users WHERE is_admin = :yes").bind("yes", true)
                .mapTo(Long.class).one() > 0;
    }

    /** Makes an existing user an admin. */
    static User promote(Handle handle, User user) {
        handle.createUpdate("UPDATE users SET is_admin = :yes WHERE id = :id").bind("yes", true)
                .bind("id", user.id()).execute();
        return new User(user.id(), user.name(), true, user.createdAt());
    }

    static User map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("login"), rs.getBoolean("is_admin"),
                Columns.instant(rs, "created_at", ctx));
    }
}
