package dev.skillbase.store;

import dev.skillbase.registry.VersionInfo;
import java.util.UUID;

/** A version row: its key, its skill and what the registry shows of it. */
record StoredVersion(long id, UUID skillId, VersionInfo info) {
}
