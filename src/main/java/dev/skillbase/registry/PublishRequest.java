package dev.skillbase.registry;

import dev.skillbase.skill.Bundle;
import dev.skillbase.skill.SkillDocument;
import java.util.List;
import java.util.Optional;

/**
 * What to publish: the skill's identity, the version number chosen by the caller, the parsed SKILL.md and its
 * bundle (which carries both digests), and the registry metadata derived from where the skill came from.
 */
public record PublishRequest(
        SkillRef ref,
        String version,
        SkillDocument document,
        Bundle bundle,
        String taxonomyPath,
        List<String> tags,
        Optional<String> sourceUrl,
        Optional<String> changelog,
        Optional<String> publishedBy) {

    public PublishRequest {
        tags = List.copyOf(tags);
    }
}
