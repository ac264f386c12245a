package dev.skillbase.account;

import dev.skillbase.registry.Viewer;
import dev.skillbase.skill.SkillName;
import dev.skillbase.store.Database;
import dev.skillbase.store.NamespaceStore;
import dev.skillbase.store.TokenStore;
import dev.skillbase.store.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The account use cases: users, namespaces and their members, API tokens, and turning a presented token into a
 * {@link Principal}. Checks inputs; leaves who-may-do-what to {@link Access}. Thread-safe.
 */
public final class Accounts {
    /** A token's last-used time is written at most this often, so reads do not each cost a write. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final UserStore users;
    private final NamespaceStore namespaces;
    private final TokenStore tokens;
    private final Clock clock;

    public Accounts(Database database, Clock clock) {
        this.users = new UserStore(database);
        this.namespaces = new NamespaceStore(database);
        this.tokens = new TokenStore(database);
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Creates the first admin (or makes an existing user the first admin) and issues them a token with every scope.
     *
     * @throws AccountConflictException when an admin exists already
     */
    public IssuedToken bootstrap(String name) {
        checkName(name, "user");
        String secret = TokenSecrets.generate();
        Set<Scope> all = EnumSet.allOf(Scope.class);
        TokenInfo info = users.bootstrapAdmin(name, now(), user -> newToken(user.id(), "bootstrap", secret, all,
                Optional.empty()));
        return new IssuedToken(secret, info);
    }

    /** @throws AccountConflictException when the name is taken */
    public User createUser(String name, boolean admin) {
        checkName(name, "user");
        return users.create(name, admin, now());
    }

    /** @throws UserNotFoundException when absent */
    public User user(String name) {
        return users.find(name).orElseThrow(() -> new UserNotFoundException(name));
    }

    public Namespace createNamespace(String name, Namespace.Kind kind, Optional<String> owner, boolean isPrivate) {
        checkName(name, "namespace");
        return namespaces.create(name, kind, owner, isPrivate, now());
    }

    public Optional<Namespace> namespace(String name) {
        return namespaces.find(name);
    }

    /** @throws NamespaceNotFoundException when absent */
    public Namespace requireNamespace(String name) {
        return namespace(name).orElseThrow(() -> new NamespaceNotFoundException(name));
    }

    public Optional<Role> role(String namespace, long userId) {
        return namespaces.role(namespace, userId);
    }

    public List<Member> members(String namespace) {
        requireNamespace(namespace);
        return namespaces.members(namespace);
    }

    /** The namespace with its counts; its members only when {@code showMembers}. */
    public NamespaceInfo info(Namespace namespace, Viewer viewer, boolean showMembers) {
        List<Member> members = namespaces.members(namespace.name());
        return new NamespaceInfo(namespace, members.size(), namespaces.skillCount(namespace.name(), viewer),
                showMembers ? Optional.of(members) : Optional.empty());
    }

    public void setMember(String namespace, String user, Role role) {
        namespaces.setMember(namespace, user, role);
    }

    /** @throws UserNotFoundException when the user is not a member */
    public void removeMember(String namespace, String user) {
        if (!namespaces.removeMember(namespace, user)) {
            throw new UserNotFoundException(user + " in namespace " + namespace);
        }
    }

    /**
     * Issues a token to {@code user}; shown once.
     *
     * @throws InvalidAccountInputException when {@code admin} is asked for a user who is not an admin
     */
    public IssuedToken issueToken(User user, Set<Scope> scopes, Optional<Instant> expiresAt, Optional<String> name) {
        if (scopes.contains(Scope.ADMIN) && !user.admin()) {
            throw new InvalidAccountInputException("scopes", "scope-not-allowed",
                    "scope admin is only for admins, and " + user.name() + " is not one");
        }
        String label = name.map(String::strip).filter(n -> !n.isEmpty()).orElse("token");
        if (label.length() > 100) {
            throw new InvalidAccountInputException("name", "name-too-long", "a token name has at most 100 characters");
        }
        String secret = TokenSecrets.generate();
        return new IssuedToken(secret, tokens.insert(newToken(user.id(), label, secret, scopes, expiresAt)));
    }

    private TokenStore.NewToken newToken(long userId, String name, String secret, Set<Scope> scopes,
            Optional<Instant> expiresAt) {
        return new TokenStore.NewToken(userId, name, TokenSecrets.shownPart(secret), TokenSecrets.hash(secret),
                scopes, now(), expiresAt);
    }

    public List<TokenInfo> tokens(String user) {
        user(user);
        return tokens.list(user);
    }

    public Optional<TokenInfo> token(long id) {
        return tokens.find(id);
    }

    public TokenInfo revoke(long id) {
        return tokens.revoke(id, now());
    }

    /**
     * The principal of a presented secret, found by its SHA-256.
     *
     * @throws InvalidTokenException when it is malformed, unknown, expired or revoked
     */
    public Principal authenticate(String secret) {
        if (!TokenSecrets.wellFormed(secret)) {
            throw new InvalidTokenException("the bearer token is not a skillbase token (sb_...)");
        }
        TokenStore.Found found = tokens.findByHash(TokenSecrets.hash(secret))
                .orElseThrow(() -> new InvalidTokenException("the bearer token is not known here"));
        Instant now = now();
        if (found.token().revokedAt().isPresent()) {
            throw new InvalidTokenException("the bearer token was revoked");
        }
        if (!found.token().usableAt(now)) {
            throw new InvalidTokenException("the bearer token expired");
        }
        if (found.token().lastUsedAt().map(last -> last.plus(TOUCH_EVERY).isBefore(now)).orElse(true)) {
            tokens.touch(found.token().id(), now);
        }
        return found.principal();
    }

    private static void checkName(String name, String field) {
        if (name == null || !SkillName.problems(name).isEmpty()) {
            throw new InvalidAccountInputException(field, "invalid-" + field, field + " \"" + name
                    + "\" is not valid: " + SkillName.RULES);
        }
    }
}
