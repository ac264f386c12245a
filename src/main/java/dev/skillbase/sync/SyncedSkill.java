package dev.skillbase.sync;

import java.util.List;
import java.util.Optional;

/**
 * What a pull or sync did (or, on a dry run, would do) with one skill.
 *
 * @param name the skill's name; empty for a folder whose name could not be resolved
 * @param path its folder relative to the synced folder, '/'-separated
 * @param localDigest the content digest of the folder's copy, when there is one
 * @param remoteDigest the content digest of the registry's latest version, when there is one
 * @param baseDigest the digest both sides had at the last sync, when they were synced
 * @param version the version published or pulled, else the registry's latest
 * @param reasons why it is in conflict, skipped or deleted, and what was tolerated
 */
public record SyncedSkill(
        Optional<String> name,
        String path,
        SyncAction action,
        Optional<String> localDigest,
        Optional<String> remoteDigest,
        Optional<String> baseDigest,
        Optional<String> version,
        List<String> reasons) {

    public SyncedSkill {
        reasons = List.copyOf(reasons);
    }

    SyncedSkill with(SyncAction other, Optional<String> otherVersion, List<String> otherReasons) {
        return new SyncedSkill(name, path, other, localDigest, remoteDigest, baseDigest, otherVersion, otherReasons);
    }
}
