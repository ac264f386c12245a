package dev.skillbase.registry;

import java.util.List;
import java.util.Optional;

/**
 * A skill record created before (or without) any version: {@code title} defaults to the name, {@code description}
 * to empty; {@code visibility} is public, unlisted or private.
 */
public record NewSkill(SkillRef ref, Optional<String> title, Optional<String> description, String taxonomyPath,
        List<String> tags, String visibility, Optional<String> repo, Optional<String> homepage) {

    public NewSkill {
        tags = List.copyOf(tags);
    }
}
