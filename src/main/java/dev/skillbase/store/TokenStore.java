package dev.skillbase.store;

import dev.skillbase.account.Principal;
import dev.skillbase.account.Scope;
import dev.skillbase.account.TokenInfo;
import dev.skillbase.account.TokenNotFoundException;
import dev.skillbase.account.User;
import dev.skillbase.audit.AuditEntry;
import dev.skillbase.audit.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** API tokens, kept as SHA-256 hashes and found by hash. Thread-safe. */
public final class TokenStore {
    private static final String SELECT = """
            SELECT t.id, u.login, t.name, t.prefix, t.scopes, t.created_at, t.expires_at, t.last_used_at, t.revoked_at
            FROM api_tokens t JOIN users u ON u.id = t.user_id""";

    private final Database database;

    public TokenStore(Database database) {
        this.database = database;
    }

    /** What to store of a new token: never the secret itself. */
    public record NewToken(long userId, String name, String prefix, String hash, java.util.Set<Scope> scopes,
            Instant createdAt, Optional<Instant> expiresAt) {
    }

    public TokenInfo insert(NewToken token) {
        return database.write("creating a token", handle -> insert(handle, token));
    }

    static TokenInfo insert(Handle handle, NewToken token) {
        long id = handle.createQuery("""
                        INSERT INTO api_tokens (user_id, name, prefix, token_hash, scopes, created_at, expires_at)
                        VALUES (:user, :name, :prefix, :hash, :scopes, :now, :expires) RETURNING id""")
                .bind("user", token.userId())
                .bind("name", token.name())
                .bind("prefix", token.prefix())
                .bind("hash", token.hash())
                .bind("scopes", Scope.join(token.scopes()))
                .bind("now", token.createdAt())
                .bind("expires", token.expiresAt().orElse(null))
                .mapTo(Long.class).one();
        TokenInfo created = find(handle, id).orElseThrow();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("user", created.user());
        details.put("name", created.name());
        details.put("scopes", Scope.join(created.scopes()));
        details.put("expires_at", created.expiresAt().map(Instant::toString).orElse(null));
        AuditLog.append(handle, AuditEntry.token("token.create", id, details));
        return created;
    }

    /** The token with this hash and its user, whether usable or not. */
    public Optional<Found> findByHash(String hash) {
        return database.read("checking a token", handle -> handle.createQuery("""
                        SELECT t.id, u.login, t.name, t.prefix, t.scopes, t.created_at, t.expires_at, t.last_used_at,
                               t.revoked_at, u.id AS user_id, u.is_admin, u.created_at AS user_created_at
                        FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = :hash""")
                .bind("hash", hash)
                .map((rs, ctx) -> new Found(map(rs, ctx), new User(rs.getLong("user_id"), rs.getString("login"),
                        rs.getBoolean("is_admin"), Columns.instant(rs, "user_created_at", ctx))))
                .findOne());
    }

    /** A token found by its hash, with its user. */
    public record Found(TokenInfo token, User user) {
        public Principal principal() {
            return new Principal(user, token.scopes(), token.id());
        }
    }

    public void touch(long id, Instant now) {
        database.write("recording a token's use", handle -> handle.createUpdate(
                "UPDATE api_tokens SET last_used_at = :now WHERE id = :id").bind("now", now).bind("id", id).execute());
    }

    public Optional<TokenInfo> find(long id) {
        return database.read("reading token " + id, handle -> find(handle, id));
    }

    private static Optional<TokenInfo> find(Handle handle, long id) {
        return handle.createQuery(SELECT + " WHERE t.id = :id").bind("id", id).map(TokenStore::map).findOne();
    }

    public List<TokenInfo> list(String user) {
        return database.read("listing the tokens of " + user, handle -> handle.createQuery(
                        SELECT + " WHERE u.login = :user ORDER BY t.id").bind("user", user).map(TokenStore::map).list());
    }

    /** Revokes the token (keeping the first revocation time); @throws TokenNotFoundException when absent. */
    public TokenInfo revoke(long id, Instant now) {
        return database.write("revoking token " + id, handle -> {
            int revoked = handle.createUpdate(
                            "UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                    .bind("now", now).bind("id", id).execute();
            TokenInfo token = find(handle, id).orElseThrow(() -> new TokenNotFoundException(id));
            if (revoked > 0) {
                AuditLog.append(handle, AuditEntry.token("token.revoke", id, Map.of("user", token.user(),
                        "name", token.name())));
            }
            return token;
        });
    }

    private static TokenInfo map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new TokenInfo(rs.getLong("id"), rs.getString("login"), rs.getString("name"), rs.getString("prefix"),
                Scope.parseList(rs.getString("scopes"), "scopes"), Columns.instant(rs, "created_at", ctx),
                optionalInstant(rs, "expires_at", ctx), optionalInstant(rs, "last_used_at", ctx),
                optionalInstant(rs, "revoked_at", ctx));
    }

    private static Optional<Instant> optionalInstant(ResultSet rs, String column, StatementContext ctx)
            throws SQLException {
        rs.getObject(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Columns.instant(rs, column, ctx));
    }
}
