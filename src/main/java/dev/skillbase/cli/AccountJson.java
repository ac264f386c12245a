package dev.skillbase.cli;

import dev.skillbase.account.Member;
import dev.skillbase.account.Namespace;
import dev.skillbase.account.Scope;
import dev.skillbase.account.TokenInfo;
import dev.skillbase.account.User;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The JSON documents of the account commands ({@code --json}). */
final class AccountJson {
    private AccountJson() {
    }

    record UserJson(long id, String name, boolean admin, Instant createdAt) {
        static UserJson of(User u) {
            return new UserJson(u.id(), u.name(), u.admin(), u.createdAt());
        }
    }

    record NamespaceJson(String name, String kind, String owner, String visibility, Instant createdAt) {
        static NamespaceJson of(Namespace n) {
            return new NamespaceJson(n.name(), n.kind().name().toLowerCase(Locale.ROOT), n.owner().orElse(null),
                    n.isPrivate() ? "private" : "public", n.createdAt());
        }
    }

    record MemberJson(String user, String role) {
        static MemberJson of(Member m) {
            return new MemberJson(m.user(), m.role().wire());
        }
    }

    record MembersJson(String namespace, List<MemberJson> members) {
    }

    record TokenJson(long id, String user, String name, String prefix, List<String> scopes, Instant createdAt,
            Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {
        static TokenJson of(TokenInfo t) {
            return new TokenJson(t.id(), t.user(), t.name(), t.prefix(), AccountJson.scopes(t), t.createdAt(),
                    t.expiresAt().orElse(null), t.lastUsedAt().orElse(null), t.revokedAt().orElse(null));
        }
    }

    record IssuedJson(String token, TokenJson info) {
    }

    static List<String> scopes(TokenInfo t) {
        return t.scopes().stream().sorted().map(Scope::wire).toList();
    }
}
