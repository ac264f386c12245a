package dev.skillbase.sync;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The push cache on real folders and databases: an unchanged folder is not read again, while every kind of change
 * (even one that restores size and modification time) and every folder written just before the push is read.
 */
class PushCacheIT {
    private static final Validator LENIENT = new Validator(ValidationMode.LENIENT, BundleLimits.DEFAULT);
    /** A clock a minute ahead: the folders written by a test count as settled. */
    private static final Clock SETTLED = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1));
    private static final PushOptions OPTIONS = new PushOptions("local", false, false);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void an_unchanged_folder_is_recalled_from_the_cache_and_reported_unchanged(DbKind kind) throws IOException {
        Path root = skills();
        try (LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind))) {
            Push push = new Push(registry, LENIENT, Optional.of(cacheFolder()), SETTLED);
            assertThat(outcomes(push.push(root, OPTIONS))).containsOnly(PushedSkill.Outcome.ADDED);

            assertThat(recalled(root)).isEqualTo(2);
            PushReport again = push.push(root, OPTIONS);

            assertThat(outcomes(again)).containsOnly(PushedSkill.Outcome.UNCHANGED);
            assertThat(again.skills()).extracting(PushedSkill::warnings)
                    .anySatisfy(warnings -> assertThat(warnings).anyMatch(w -> w.contains("unknown-key")));
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_rewrite_that_restores_size_and_modification_time_is_still_published(DbKind kind) throws IOException {
        Path root = skills();
        Path skillMd = root.resolve("alpha/SKILL.md");
        try (LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind))) {
            Push push = new Push(registry, LENIENT, Optional.of(cacheFolder()), SETTLED);
            push.push(root, OPTIONS);
            FileTime modified = Files.getLastModifiedTime(skillMd);
            String text = Files.readString(skillMd);

            Files.writeString(skillMd, text.replace("First body", "Other body"));
            Files.setLastModifiedTime(skillMd, modified);
            assertThat(Files.size(skillMd)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
            PushReport again = push.push(root, OPTIONS);

            assertThat(again.skills()).filteredOn(s -> s.path().equals("alpha")).singleElement()
                    .satisfies(s -> {
                        assertThat(s.outcome()).isEqualTo(PushedSkill.Outcome.UPDATED);
                        assertThat(s.version()).contains("0.1.1");
                    });
            assertThat(registry.versions(new SkillRef("local", "alpha")).getFirst().contentDigest())
                    .isEqualTo(LENIENT.validate(root.resolve("alpha")).bundle().orElseThrow().contentDigest());
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_folder_known_to_the_cache_is_read_when_the_database_lacks_it(DbKind kind) throws IOException {
        Path root = skills();
        Path cache = cacheFolder();
        try (LocalRegistry first = LocalRegistry.open(TestDatabases.freshUrl(kind))) {
            new Push(first, LENIENT, Optional.of(cache), SETTLED).push(root, OPTIONS);
        }
        try (LocalRegistry second = LocalRegistry.open(TestDatabases.freshUrl(kind))) {
            PushReport report = new Push(second, LENIENT, Optional.of(cache), SETTLED).push(root, OPTIONS);

            assertThat(outcomes(report)).containsOnly(PushedSkill.Outcome.ADDED);
            List<VersionInfo> versions = second.versions(new SkillRef("local", "beta"));
            assertThat(versions).singleElement().extracting(VersionInfo::contentDigest)
                    .isEqualTo(LENIENT.validate(root.resolve("beta")).bundle().orElseThrow().contentDigest());
            assertThat(second.file(new SkillRef("local", "beta"), versions.getFirst().version(), "notes/a.txt"))
                    .hasValueSatisfying(bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8))
                            .isEqualTo("notes\n"));
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void folders_written_just_before_a_push_are_not_cached(DbKind kind) throws IOException {
        Path root = skills();
        try (LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind))) {
            new Push(registry, LENIENT, Optional.of(cacheFolder()), Clock.systemUTC()).push(root, OPTIONS);

            assertThat(recalled(root)).isZero();
        }
    }

    @Test
    void a_new_file_a_removed_file_and_a_mode_change_are_each_seen() throws IOException {
        Path root = skills();
        Path cache = cacheFolder();
        record(root, cache);
        Files.writeString(root.resolve("alpha/extra.txt"), "new\n");
        Files.delete(root.resolve("beta/notes/a.txt"));
        assertThat(recalled(root)).isZero();

        record(root, cache);
        assertThat(recalled(root)).isEqualTo(2);
        assertThat(root.resolve("alpha/SKILL.md").toFile().setExecutable(true)).isTrue();
        assertThat(recalled(root)).isEqualTo(1);
    }

    @Test
    void a_cache_file_that_cannot_be_parsed_is_ignored() throws IOException {
        Path root = skills();
        Path cache = cacheFolder();
        record(root, cache);
        try (Stream<Path> files = Files.list(cache)) {
            for (Path file : files.toList()) {
                Files.writeString(file, Files.readString(file).replace("\t", "\t\t"));
            }
        }

        assertThat(recalled(root)).isZero();
    }

    /** Reads {@code root} with the cache and saves what it learnt, as a push does. */
    private void record(Path root, Path cache) {
        PushCache pushCache = PushCache.open(cache, root, LENIENT.toString(), SETTLED);
        new SkillFolders(LENIENT).read(root, "local", pushCache);
        pushCache.save();
    }

    /** How many folders under {@code root} the cache knows unchanged (they are not read). */
    private long recalled(Path root) {
        PushCache pushCache = PushCache.open(cacheFolder(), root, LENIENT.toString(), SETTLED);
        return new SkillFolders(LENIENT).read(root, "local", pushCache).stream()
                .filter(candidate -> !candidate.loaded()).count();
    }

    private Path cacheFolder() {
        return tmp.resolve("cache");
    }

    private Path skills() throws IOException {
        Path root = tmp.resolve("skills");
        Path alpha = Files.createDirectories(root.resolve("alpha"));
        Files.writeString(alpha.resolve("SKILL.md"),
                "---\nname: alpha\ndescription: The first\nlicense: MIT\nunknown-key: x\n---\nFirst body\n");
        Path beta = Files.createDirectories(root.resolve("beta/notes"));
        Files.writeString(root.resolve("beta/SKILL.md"), "---\nname: beta\ndescription: The second\n---\nBody\n");
        Files.writeString(beta.resolve("a.txt"), "notes\n");
        return root;
    }

    private static List<PushedSkill.Outcome> outcomes(PushReport report) {
        return report.skills().stream().map(PushedSkill::outcome).toList();
    }
}
