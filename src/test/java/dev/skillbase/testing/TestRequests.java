package dev.skillbase.testing;

import dev.skillbase.registry.PublishRequest;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.skill.Bundle;
import dev.skillbase.skill.BundleLimits;
import dev.skillbase.skill.SkillDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@link PublishRequest}s read from real skill folders, through the skill parser. */
public final class TestRequests {
    private TestRequests() {
    }

    /** A fixture under {@code src/test/resources/skills/<name>}. */
    public static Path fixture(String name) {
        return Path.of("src/test/resources/skills", name).toAbsolutePath();
    }

    public static PublishRequest of(Path dir, String namespace, String version, String taxonomy, List<String> tags) {
        try {
            Bundle bundle = Bundle.read(dir, BundleLimits.DEFAULT);
            SkillDocument document = SkillDocument.parse(
                    Files.readString(dir.resolve("SKILL.md"), StandardCharsets.UTF_8));
            return new PublishRequest(new SkillRef(namespace, dir.getFileName().toString()), version, document, bundle,
                    taxonomy, tags, Optional.of("https://example.com/" + dir.getFileName()), Optional.of("First"),
                    Optional.of("tester"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the skill at " + dir, e);
        }
    }
}
