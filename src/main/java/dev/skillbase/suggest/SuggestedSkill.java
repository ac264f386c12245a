package dev.skillbase.suggest;

import dev.skillbase.registry.SkillRef;
import java.util.Optional;

/**
 * A skill proposed for a package, through the mapping of {@code pkg} (the package itself, or its Maven group).
 *
 * @param source {@code manual} or {@code inferred}
 * @param reason why the mapping exists, for people
 */
public record SuggestedSkill(SkillRef skill, String title, String description, Optional<String> latestVersion,
        long installs, PackageId pkg, double confidence, String source, String reason) {
    public static final String MANUAL = "manual";
    public static final String INFERRED = "inferred";
}
