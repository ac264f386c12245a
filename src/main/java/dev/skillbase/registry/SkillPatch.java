package dev.skillbase.registry;

import java.util.List;
import java.util.Optional;

/**
 * A partial update of a skill's record: only the present values change. An empty string clears a field: the title
 * goes back to the skill's name, the taxonomy path to none, repo and homepage to none; an empty tag list removes
 * every tag. Status and visibility are never cleared.
 */
public record SkillPatch(Optional<String> title, Optional<String> taxonomyPath, Optional<List<String>> tags,
        Optional<String> status, Optional<String> visibility, Optional<String> repo, Optional<String> homepage) {

    public SkillPatch {
        tags = tags.map(List::copyOf);
    }
}
