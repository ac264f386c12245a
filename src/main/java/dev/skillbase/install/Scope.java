package dev.skillbase.install;

/** Where skills are installed: into the project (its agents' folders) or globally (the user's home). */
public enum Scope {
    PROJECT,
    GLOBAL;

    /** The lowercase word used in the lockfile and in JSON output. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
