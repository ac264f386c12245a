package dev.skillbase.install;

import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.VersionInfo;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.semver4j.Semver;
import org.semver4j.range.RangeList;
import org.semver4j.range.RangeListFactory;

/**
 * Picks the version a request means, the way npm does: {@code latest} (the registry's latest tag, else the highest
 * version not yanked), an exact version (even a yanked one: an exact pin still installs), a tag set on the registry,
 * or a range ({@code ^1.2}, {@code ~1.2.3}, {@code 1.x}, {@code >=1.0 <2}) matched by the highest version not yanked.
 */
final class VersionResolver {
    static final String LATEST = "latest";

    private VersionResolver() {
    }

    /**
     * @param versions the skill's versions (any order)
     * @param tags the skill's version tags
     * @throws NoMatchingVersionException naming the request and the versions there are
     */
    static String choose(SkillRef ref, String requested, List<VersionInfo> versions, Map<String, String> tags) {
        if (versions.isEmpty()) {
            throw new NoMatchingVersionException("skill " + ref + " has no published version");
        }
        if (requested.equals(LATEST)) {
            return Optional.ofNullable(tags.get(LATEST)).or(() -> highest(versions, v -> true))
                    .orElseThrow(() -> none(ref, requested, versions, "every version is yanked"));
        }
        if (Semver.isValid(requested)) {
            return versions.stream().map(VersionInfo::version).filter(v -> Semver.parse(v) != null
                            && Semver.parse(v).isEqualTo(requested)).findFirst()
                    .orElseThrow(() -> none(ref, requested, versions, "no such version"));
        }
        if (tags.containsKey(requested)) {
            return tags.get(requested);
        }
        if (!isRange(requested)) {
            throw new NoMatchingVersionException("skill " + ref + " has no tag '" + requested + "' (tags: "
                    + String.join(", ", tags.keySet()) + ")");
        }
        RangeList range = RangeListFactory.create(requested);
        return highest(versions, v -> v.satisfies(range))
                .orElseThrow(() -> none(ref, requested, versions, "no version that is not yanked satisfies it"));
    }

    /** Whether {@code requested} reads as a version range rather than a tag name. */
    static boolean isRange(String requested) {
        return requested.chars().anyMatch(c -> Character.isDigit(c) || c == '*')
                || requested.equalsIgnoreCase("x");
    }

    /** The highest version not yanked that passes {@code test}. */
    static Optional<String> highest(List<VersionInfo> versions, java.util.function.Predicate<Semver> test) {
        return versions.stream().filter(v -> !v.yanked() && Semver.parse(v.version()) != null)
                .filter(v -> test.test(Semver.parse(v.version())))
                .max(Comparator.comparing(v -> Semver.parse(v.version()))).map(VersionInfo::version);
    }

    private static NoMatchingVersionException none(SkillRef ref, String requested, List<VersionInfo> versions,
            String why) {
        return new NoMatchingVersionException("no version of " + ref + " matches '" + requested + "' (" + why
                + "; versions: " + String.join(", ", versions.stream()
                        .map(v -> v.version() + (v.yanked() ? " (yanked)" : "")).toList()) + ")");
    }
}
