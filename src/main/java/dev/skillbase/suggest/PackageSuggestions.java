package dev.skillbase.suggest;

import java.util.List;

/** The skills proposed for one package asked for, best first (confidence, then installs, then name). */
public record PackageSuggestions(PackageQuery query, List<SuggestedSkill> skills) {
    public PackageSuggestions {
        skills = List.copyOf(skills);
    }
}
