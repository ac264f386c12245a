package dev.skillbase.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The account use cases over their storage, on SQLite and PostgreSQL. */
class AccountsIT {

    private static LocalRegistry open(DbKind kind) {
        return LocalRegistry.open(TestDatabases.freshUrl(kind));
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_new_user_owns_the_namespace_of_their_name_and_names_are_unique(DbKind kind) {
        try (LocalRegistry registry = open(kind)) {
            Accounts accounts = registry.accounts();
            User bob = accounts.createUser("bob", false);

            assertThat(accounts.requireNamespace("bob").kind()).isEqualTo(Namespace.Kind.USER);
            assertThat(accounts.requireNamespace("bob").owner()).contains("bob");
            assertThat(accounts.role("bob", bob.id())).contains(Role.OWNER);
            assertThatThrownBy(() -> accounts.createUser("bob", true)).isInstanceOf(AccountConflictException.class);
            assertThatThrownBy(() -> accounts.createUser("Bob!", false))
                    .isInstanceOf(InvalidAccountInputException.class);
            assertThatThrownBy(() -> accounts.createNamespace("bob", Namespace.Kind.ORG, Optional.empty(), false))
                    .isInstanceOf(AccountConflictException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void bootstrap_happens_once_and_promotes_an_existing_user(DbKind kind) {
        try (LocalRegistry registry = open(kind)) {
            Accounts accounts = registry.accounts();
            accounts.createUser("alice", false);

            IssuedToken token = accounts.bootstrap("alice");

            assertThat(accounts.user("alice").admin()).isTrue();
            assertThat(token.info().scopes()).containsExactlyInAnyOrder(Scope.values());
            assertThat(token.toString()).doesNotContain(token.secret());
            assertThatThrownBy(() -> accounts.bootstrap("zed")).isInstanceOf(AccountConflictException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_token_authenticates_until_it_is_revoked_or_expires(DbKind kind) {
        try (LocalRegistry registry = open(kind)) {
            Accounts accounts = registry.accounts();
            User bob = accounts.createUser("bob", false);
            IssuedToken live = accounts.issueToken(bob, EnumSet.of(Scope.READ), Optional.empty(), Optional.of("a"));
            IssuedToken expired = accounts.issueToken(bob, EnumSet.of(Scope.READ),
                    Optional.of(Instant.now().minusSeconds(5)), Optional.empty());

            Principal principal = accounts.authenticate(live.secret());

            assertThat(principal.user().name()).isEqualTo("bob");
            assertThat(principal.actsAsAdmin()).isFalse();
            assertThat(accounts.token(live.info().id()).orElseThrow().lastUsedAt()).isPresent();
            assertThatThrownBy(() -> accounts.authenticate(expired.secret())).isInstanceOf(InvalidTokenException.class)
                    .hasMessageContaining("expired");
            assertThatThrownBy(() -> accounts.authenticate(live.secret() + "x"))
                    .isInstanceOf(InvalidTokenException.class);
            accounts.revoke(live.info().id());
            assertThatThrownBy(() -> accounts.authenticate(live.secret())).isInstanceOf(InvalidTokenException.class)
                    .hasMessageContaining("revoked").hasMessageNotContaining(live.secret());
            assertThatThrownBy(() -> accounts.issueToken(bob, EnumSet.of(Scope.ADMIN), Optional.empty(),
                    Optional.empty())).isInstanceOf(InvalidAccountInputException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_namespace_keeps_at_least_one_owner(DbKind kind) {
        try (LocalRegistry registry = open(kind)) {
            Accounts accounts = registry.accounts();
            accounts.createUser("bob", false);
            accounts.createUser("carol", false);
            accounts.createNamespace("team", Namespace.Kind.ORG, Optional.of("bob"), false);
            accounts.setMember("team", "carol", Role.MAINTAINER);

            assertThatThrownBy(() -> accounts.setMember("team", "bob", Role.MEMBER))
                    .isInstanceOf(AccountConflictException.class);
            assertThatThrownBy(() -> accounts.removeMember("team", "bob"))
                    .isInstanceOf(AccountConflictException.class);
            accounts.setMember("team", "carol", Role.OWNER);
            accounts.removeMember("team", "bob");

            assertThat(accounts.members("team")).containsExactly(new Member("carol", Role.OWNER));
        }
    }
}
