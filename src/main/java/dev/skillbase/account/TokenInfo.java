package dev.skillbase.account;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** A token as listed: never its secret, only the first characters ({@code prefix}) to recognise it. */
public record TokenInfo(long id, String user, String name, String prefix, Set<Scope> scopes, Instant createdAt,
        Optional<Instant> expiresAt, Optional<Instant> lastUsedAt, Optional<Instant> revokedAt) {

    public TokenInfo {
        scopes = Set.copyOf(scopes);
    }

    public boolean usableAt(Instant now) {
        return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
    }
}
