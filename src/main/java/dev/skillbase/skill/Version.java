package dev.skillbase.skill;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version (semver 2.0.0): MAJOR.MINOR.PATCH with optional pre-release and build metadata. An absent
 * pre-release or build is the empty string ({@code null} given to the constructor is taken as absent).
 */
public record Version(int major, int minor, int patch, String preRelease, String build) implements Comparable<Version> {
    private static final String NUMBER = "0|[1-9]\\d*";
    private static final String PRE_PART = "(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)";
    private static final Pattern PRE_RELEASE = Pattern.compile(PRE_PART + "(?:\\." + PRE_PART + ")*");
    private static final Pattern BUILD = Pattern.compile("[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*");
    private static final Pattern SEMVER = Pattern.compile(
            "(" + NUMBER + ")\\.(" + NUMBER + ")\\.(" + NUMBER + ")(?:-([0-9A-Za-z.-]+))?(?:\\+([0-9A-Za-z.-]+))?");

    /** @throws InvalidVersionException when a number is negative or a label is not semver */
    public Version {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new InvalidVersionException("version numbers must not be negative: " + major + "." + minor + "." + patch);
        }
        preRelease = preRelease == null ? "" : preRelease;
        build = build == null ? "" : build;
        if (!preRelease.isEmpty() && !PRE_RELEASE.matcher(preRelease).matches()) {
            throw new InvalidVersionException("pre-release " + Texts.quote(preRelease)
                    + " is not dot-separated identifiers of 0-9A-Za-z- without leading zeros in numbers");
        }
        if (!build.isEmpty() && !BUILD.matcher(build).matches()) {
            throw new InvalidVersionException("build " + Texts.quote(build)
                    + " is not dot-separated non-empty identifiers of 0-9A-Za-z-");
        }
    }

    /** @throws InvalidVersionException when {@code text} is not a semver version */
    public static Version parse(String text) {
        if (text == null) {
            throw new InvalidVersionException("version is missing: expected MAJOR.MINOR.PATCH such as 1.0.0");
        }
        Matcher m = SEMVER.matcher(text);
        if (!m.matches()) {
            throw new InvalidVersionException("version " + Texts.quote(text)
                    + " is not a semantic version: expected MAJOR.MINOR.PATCH such as 1.0.0 or 1.2.0-beta.1");
        }
        try {
            return new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    m.group(4), m.group(5));
        } catch (NumberFormatException e) {
            throw new InvalidVersionException("version " + Texts.quote(text) + " has a number too large");
        }
    }

    public boolean isPreRelease() {
        return !preRelease.isEmpty();
    }

    /** The next patch version without pre-release or build: 1.2.3 -> 1.2.4, 1.2.3-rc.1 -> 1.2.3. */
    public Version nextPatch() {
        return new Version(major, minor, isPreRelease() ? patch : patch + 1, "", "");
    }

    /** Semver precedence (build metadata ignored). */
    @Override
    public int compareTo(Version other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Integer.compare(patch, other.patch);
        }
        return c != 0 ? c : comparePreRelease(preRelease, other.preRelease);
    }

    private static int comparePreRelease(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            // a release ranks above any of its pre-releases
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int c = compareIdentifier(left[i], right[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    private static int compareIdentifier(String a, String b) {
        boolean numericA = a.chars().allMatch(Character::isDigit);
        boolean numericB = b.chars().allMatch(Character::isDigit);
        if (numericA && numericB) {
            // compare by length first: identifiers may exceed long
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (numericA != numericB) {
            return numericA ? -1 : 1;
        }
        return a.compareTo(b);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch
                + (preRelease.isEmpty() ? "" : "-" + preRelease)
                + (build.isEmpty() ? "" : "+" + build);
    }
}
