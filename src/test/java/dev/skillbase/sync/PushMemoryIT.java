package dev.skillbase.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.VersionInfo;
import dev.skillbase.skill.BundleLimits;
import dev.skillbase.skill.ValidationMode;
import dev.skillbase.skill.Validator;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A push bounded in memory (files kept from reading to publishing, and published together) publishes exactly what
 * an unbounded push does, in the same order, with invalid folders reported where they stand: the bounds only decide
 * when each folder's files are read and let go.
 */
class PushMemoryIT {
    private static final Validator LENIENT = new Validator(ValidationMode.LENIENT, BundleLimits.DEFAULT);
    private static final PushOptions OPTIONS = new PushOptions("local", false, false);
    private static final int SKILLS = 12;

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_push_that_keeps_one_folder_at_a_time_publishes_what_an_unbounded_push_does(DbKind kind) throws IOException {
        Path root = skills(tmp);
        try (LocalRegistry unbounded = LocalRegistry.open(TestDatabases.freshUrl(kind));
                LocalRegistry bounded = LocalRegistry.open(TestDatabases.freshUrl(kind))) {
            PushReport expected = new Push(unbounded, LENIENT).push(root, OPTIONS);
            // nothing kept from reading (every folder is read again to be published), one folder per window
            PushReport report = new Push(bounded, LENIENT, Optional.empty(), Clock.systemUTC(), 1, 1)
                    .push(root, OPTIONS);

            assertThat(report.skills()).extracting(PushedSkill::path, PushedSkill::outcome, PushedSkill::reasons)
                    .containsExactlyElementsOf(expected.skills().stream()
                            .map(s -> tuple(s.path(), s.outcome(), s.reasons()))
                            .toList());
            assertThat(report.skills()).filteredOn(s -> s.outcome() == PushedSkill.Outcome.ADDED).hasSize(SKILLS);
            assertThat(report.skills()).filteredOn(s -> s.outcome() == PushedSkill.Outcome.SKIPPED)
                    .singleElement().satisfies(s -> assertThat(s.path()).isEqualTo("broken"));
            for (int i = 0; i < SKILLS; i++) {
                SkillRef ref = new SkillRef("local", name(i));
                assertThat(bounded.versions(ref)).extracting(VersionInfo::contentDigest)
                        .containsExactlyElementsOf(unbounded.versions(ref).stream()
                                .map(VersionInfo::contentDigest).toList());
                String version = bounded.versions(ref).getFirst().version();
                String data = data(i);
                assertThat(bounded.file(ref, version, "notes/data.txt")).hasValueSatisfying(bytes ->
                        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(data));
            }

            PushReport again = new Push(bounded, LENIENT, Optional.empty(), Clock.systemUTC(), 1, 1)
                    .push(root, OPTIONS);
            assertThat(again.skills()).filteredOn(s -> s.outcome() == PushedSkill.Outcome.UNCHANGED)
                    .hasSize(SKILLS);
        }
    }

    private static Path skills(Path root) throws IOException {
        for (int i = 0; i < SKILLS; i++) {
            Path folder = Files.createDirectories(root.resolve(name(i)).resolve("notes"));
            Files.writeString(folder.getParent().resolve("SKILL.md"),
                    "---\nname: " + name(i) + "\ndescription: Skill number " + i + "\n---\nBody " + i + "\n");
            Files.writeString(folder.resolve("data.txt"), data(i));
        }
        Path broken = Files.createDirectories(root.resolve("broken"));
        Files.writeString(broken.resolve("SKILL.md"), "---\nname: broken\n---\nno description\n");
        return root;
    }

    private static String name(int i) {
        return "skill-" + (char) ('a' + i);
    }

    private static String data(int i) {
        return ("line of skill " + i + "\n").repeat(100 + i);
    }
}
