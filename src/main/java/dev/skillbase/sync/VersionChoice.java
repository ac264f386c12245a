package dev.skillbase.sync;

import dev.skillbase.registry.VersionInfo;
import dev.skillbase.skill.InvalidVersionException;
import dev.skillbase.skill.Version;
import java.util.List;
import java.util.Optional;

/**
 * The version a changed skill is published as. The version the skill declares ({@code metadata.version}, else a
 * top-level {@code version}) when it is semver and higher than every published version; otherwise the next patch of
 * the highest published version; for a first version without a usable declaration, {@value #FIRST}.
 *
 * <p>A declared version must be higher than the highest published one, not merely unpublished: publishing a lower
 * version would leave older content as the latest, and every later push would publish again.
 */
final class VersionChoice {
    static final String FIRST = "0.1.0";

    private VersionChoice() {
    }

    /**
     * @param declared the version written in the skill, if any
     * @param published every published version, highest first
     */
    static String next(Optional<String> declared, List<VersionInfo> published) {
        Optional<Version> wanted = declared.flatMap(VersionChoice::parse);
        if (published.isEmpty()) {
            return wanted.map(Version::toString).orElse(FIRST);
        }
        Version highest = published.stream()
                .map(info -> Version.parse(info.version()))
                .max(Version::compareTo)
                .orElseThrow();
        if (wanted.isPresent() && wanted.get().compareTo(highest) > 0) {
            return wanted.get().toString();
        }
        return highest.nextPatch().toString();
    }

    private static Optional<Version> parse(String text) {
        try {
            return Optional.of(Version.parse(text.strip()));
        } catch (InvalidVersionException notSemver) {
            return Optional.empty();
        }
    }
}
