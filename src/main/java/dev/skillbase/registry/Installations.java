package dev.skillbase.registry;

import dev.skillbase.store.InstallationStore;
import dev.skillbase.store.PreferenceStore;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Installations and preferences of signed-in users, in process. The caller (the server) has checked who the user is
 * and that they may read the skill; this records, counts and tells the registry's change listeners when a skill's
 * install count may have changed, before the call returns. Thread-safe.
 */
public final class Installations {
    private final InstallationStore installations;
    private final PreferenceStore preferences;
    private final Consumer<SkillRef> changed;

    Installations(InstallationStore installations, PreferenceStore preferences, Consumer<SkillRef> changed) {
        this.installations = installations;
        this.preferences = preferences;
        this.changed = changed;
    }

    /**
     * Records the user's installation (created, or updated when they have one for this agent and scope).
     *
     * @throws NoSuchSkillException when the skill does not exist
     * @throws NoSuchVersionException when it has no such version
     */
    public Installation.Recorded record(long userId, SkillRef ref, NewInstallation installation) {
        try {
            return installations.record(userId, ref, installation);
        } finally {
            changed.accept(ref);
        }
    }

    /**
     * Removes the user's installations of the skill for {@code agent} in {@code scope} (all agents, all scopes when
     * empty).
     *
     * @return how many were removed
     */
    public int remove(long userId, SkillRef ref, Optional<String> agent, Optional<String> scope) {
        try {
            return installations.remove(userId, ref, agent, scope);
        } finally {
            changed.accept(ref);
        }
    }

    /** The user's installations of the skills {@code viewer} may read. */
    public Page<Installation> list(long userId, Viewer viewer, int limit, int offset) {
        return installations.list(userId, viewer, limit, offset);
    }

    /** The user's preferences; the defaults when never set. */
    public Preferences preferences(long userId) {
        return preferences.find(userId);
    }

    /**
     * Replaces the user's preferences in one transaction.
     *
     * @throws NoSuchSkillException when a listed skill does not exist (nothing changes)
     */
    public Preferences replacePreferences(long userId, Preferences replacement) {
        return preferences.replace(userId, replacement);
    }
}
