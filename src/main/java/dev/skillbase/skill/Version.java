package dev.skillbase.skill;

/** A semantic version (semver 2.0.0): MAJOR.MINOR.PATCH with optional pre-release and build metadata. */
public record Version(int major, int minor, int patch, String preRelease, String build) implements Comparable<Version> {

    /** @throws InvalidVersionException when {@code text} is not a semver version */
    public static Version parse(String text) {
        throw new UnsupportedOperationException("implemented by the skill work");
    }

    /** The next patch version without pre-release or build: 1.2.3 -> 1.2.4, 1.2.3-rc.1 -> 1.2.3. */
    public Version nextPatch() {
        throw new UnsupportedOperationException("implemented by the skill work");
    }

    /** Semver precedence (build metadata ignored). */
    @Override
    public int compareTo(Version other) {
        throw new UnsupportedOperationException("implemented by the skill work");
    }

    @Override
    public String toString() {
        throw new UnsupportedOperationException("implemented by the skill work");
    }
}
