package dev.skillbase.sync;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a folder and a registry agreed on at their last sync, per skill: the folder it is in, the version, and the
 * content digest each side had. Kept in {@code DIR/.skillbase/sync.json} (see {@link SyncFolder}). It belongs to one
 * registry and one namespace: a state recorded against another one is not used (every skill then counts as never
 * synced, so nothing is deleted on its say-so).
 *
 * @param remote where the registry is (a database URL without password, or a server URL)
 * @param skills by skill name, sorted
 */
record SyncState(int format, String remote, String namespace, Map<String, Entry> skills) {
    static final int FORMAT = 1;

    /**
     * @param path the skill's folder relative to the synced folder, '/'-separated
     * @param localDigest the content digest of the folder after the last sync
     * @param remoteDigest the content digest of the registry's latest version after the last sync
     * @param stamp the folder's {@link FolderStamp} when it had {@code localDigest}; null when not known
     */
    record Entry(String path, String version, String localDigest, String remoteDigest, String stamp) {
        Entry {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(localDigest, "localDigest");
            Objects.requireNonNull(remoteDigest, "remoteDigest");
        }
    }

    SyncState {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(namespace, "namespace");
        skills = skills == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(skills));
    }

    static SyncState empty(String remote, String namespace) {
        return new SyncState(FORMAT, remote, namespace, Map.of());
    }

    boolean belongsTo(String otherRemote, String otherNamespace) {
        return remote.equals(otherRemote) && namespace.equals(otherNamespace);
    }
}
