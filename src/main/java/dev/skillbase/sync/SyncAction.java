package dev.skillbase.sync;

/** What a pull or sync does (or, on a dry run, would do) with one skill. */
public enum SyncAction {
    /** both sides hold what the state says, or the same content: nothing to write */
    UNCHANGED,
    /** changed only in the folder (or new there): a new version is published */
    PUSH,
    /** changed only in the registry (or new there): its latest version is written into the folder */
    PULL,
    /** changed on both sides since the last sync, or different on both sides and never synced: nothing written */
    CONFLICT,
    /** deleted in the registry (archived) since the last sync and pruned: its files are removed from the folder */
    DELETE_LOCAL,
    /** deleted from the folder since the last sync and pruned: the skill is archived in the registry */
    DELETE_REMOTE,
    /** deleted from the folder since the last sync: reported, the registry keeps it (--prune archives it) */
    DELETED_LOCALLY,
    /** archived in the registry since the last sync: reported, the folder keeps it (--prune removes it) */
    DELETED_REMOTELY,
    /** changed only in the folder: a pull leaves it for a push or a sync */
    CHANGED_LOCALLY,
    /** the folder's copy cannot be read as a skill, or the registry's cannot be written: nothing done */
    SKIPPED;

    /** True when this outcome makes the command fail (exit code 1). */
    public boolean failed() {
        return this == CONFLICT || this == SKIPPED;
    }

    /** True when this action writes to the folder or the registry. */
    boolean writes() {
        return this == PUSH || this == PULL || this == DELETE_LOCAL || this == DELETE_REMOTE;
    }
}
