package dev.skillbase.account;

import java.time.Instant;

/** An account. {@code name} is unique and follows the skill-name rules; an admin may do anything. */
public record User(long id, String name, boolean admin, Instant createdAt) {
}
