package dev.skillbase.store;

import dev.skillbase.skill.InvalidVersionException;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sortable parts of a semantic version (semver 2.0.0 precedence; build metadata ignored). Kept in the store so
 * that it can fill the {@code major/minor/patch/prerelease} columns without depending on skill parsing.
 */
public record VersionOrder(int major, int minor, int patch, Optional<String> preRelease)
        implements Comparable<VersionOrder> {
    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})"
                    + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                    + "(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?");

    private static final Comparator<VersionOrder> ORDER = Comparator.comparingInt(VersionOrder::major)
            .thenComparingInt(VersionOrder::minor)
            .thenComparingInt(VersionOrder::patch)
            .thenComparing(VersionOrder::comparePreRelease);

    /** @throws InvalidVersionException when {@code text} is not a semantic version */
    public static VersionOrder parse(String text) {
        Matcher m = SEMVER.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new InvalidVersionException("'" + text + "' is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.0.0)");
        }
        return new VersionOrder(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), Optional.ofNullable(m.group(4)));
    }

    @Override
    public int compareTo(VersionOrder other) {
        return ORDER.compare(this, other);
    }

    private static int comparePreRelease(VersionOrder a, VersionOrder b) {
        if (a.preRelease.isEmpty() || b.preRelease.isEmpty()) {
            return Boolean.compare(a.preRelease.isEmpty(), b.preRelease.isEmpty());
        }
        String[] left = a.preRelease.get().split("\\.");
        String[] right = b.preRelease.get().split("\\.");
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
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (numericA != numericB) {
            return numericA ? -1 : 1;
        }
        return a.compareTo(b);
    }
}
