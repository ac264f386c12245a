package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.skill.BundleLimits;
import dev.skillbase.skill.ValidationMode;
import dev.skillbase.skill.Validator;
import dev.skillbase.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code skillbase pull} and {@code skillbase sync} end to end, in process, against SQLite, PostgreSQL and a real
 * server over each: a folder edited by the test stands for the developer, a second folder pushed with
 * {@code skillbase push} for a colleague editing the registry.
 */
class SyncIT {
    private static final Validator LENIENT = new Validator(ValidationMode.LENIENT, BundleLimits.DEFAULT);

    @TempDir
    Path tmp;

    /** The colleague's folder: two skills, one with an executable script. */
    private SkillTree upstream() {
        SkillTree tree = new SkillTree(tmp.resolve("upstream"));
        tree.skill("development/python", "python-style", "Formats Python code");
        tree.write("development/python/scripts/format.sh", "#!/bin/sh\necho format\n");
        executable(tree.root().resolve("development/python/scripts/format.sh"));
        tree.skill("writing/release-notes", "release-notes", "Writes release notes");
        return tree;
    }

    private static JsonNode json(CliRun.Result result, int exitCode) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        return Cli.parse(result.out());
    }

    private static JsonNode skill(JsonNode report, String name) {
        for (JsonNode skill : report.get("skills")) {
            if (name.equals(skill.path("name").asString())) {
                return skill;
            }
        }
        throw new AssertionError("no " + name + " in " + report);
    }

    private static String digest(Path dir) {
        return LENIENT.validate(dir).bundle().orElseThrow().contentDigest();
    }

    private static String latestDigest(SyncTarget.Opened registry, String name) {
        return json(registry.run("show", "local/" + name, "--json"), 0).get("version").get("contentDigest")
                .asString();
    }

    private static void executable(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.util.EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> filesUnder(Path root) throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).filter(f -> !root.relativize(f).startsWith(".skillbase"))
                    .forEach(f -> files.add(root.relativize(f).toString()));
        }
        return files.stream().sorted().toList();
    }

    @ParameterizedTest
    @EnumSource(SyncTarget.class)
    void pull_writes_every_skill_into_its_taxonomy_folder_and_a_sync_then_finds_nothing_to_do(SyncTarget target)
            throws IOException {
        try (SyncTarget.Opened registry = target.open()) {
            SkillTree upstream = upstream();
            json(registry.run("push", upstream.root().toString(), "--json"), 0);
            Path mine = tmp.resolve("mine");

            JsonNode pulled = json(registry.run("pull", mine.toString(), "--json"), 0);

            assertThat(pulled.get("counts").get("pull").asInt()).isEqualTo(2);
            assertThat(filesUnder(mine)).containsExactly("development/python/SKILL.md",
                    "development/python/scripts/format.sh", "writing/release-notes/SKILL.md");
            assertThat(Files.isExecutable(mine.resolve("development/python/scripts/format.sh"))).isTrue();
            assertThat(digest(mine.resolve("development/python")))
                    .isEqualTo(digest(upstream.root().resolve("development/python")));
            assertThat(Files.readString(mine.resolve(".skillbase/sync.json"))).contains("python-style",
                    digest(mine.resolve("development/python")));
            JsonNode synced = json(registry.run("sync", mine.toString(), "--json"), 0);
            assertThat(synced.get("counts").get("unchanged").asInt()).isEqualTo(2);
            assertThat(synced.get("counts").size()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTarget.class)
    void sync_pushes_what_changed_here_and_pulls_what_changed_in_the_registry(SyncTarget target) throws IOException {
        try (SyncTarget.Opened registry = target.open()) {
            SkillTree upstream = upstream();
            json(registry.run("push", upstream.root().toString(), "--json"), 0);
            Path mine = tmp.resolve("mine");
            json(registry.run("pull", mine.toString(), "--json"), 0);
            new SkillTree(mine).append("development/python/SKILL.md", "\nAlso sorts imports.\n");
            upstream.append("writing/release-notes/SKILL.md", "\nGroup by component.\n");
            json(registry.run("push", upstream.root().toString(), "--json"), 0);
            new SkillTree(mine).skill("testing/junit", "junit-style", "Writes JUnit tests");

            JsonNode synced = json(registry.run("sync", mine.toString(), "--json"), 0);

            assertThat(skill(synced, "python-style").get("action").asString()).isEqualTo("push");
            assertThat(skill(synced, "python-style").get("version").asString()).isEqualTo("0.1.1");
            assertThat(skill(synced, "release-notes").get("action").asString()).isEqualTo("pull");
            assertThat(skill(synced, "junit-style").get("action").asString()).isEqualTo("push");
            assertThat(latestDigest(registry, "python-style")).isEqualTo(digest(mine.resolve("development/python")));
            assertThat(latestDigest(registry, "junit-style")).isEqualTo(digest(mine.resolve("testing/junit")));
            assertThat(Files.readString(mine.resolve("writing/release-notes/SKILL.md"))).contains("Group by component");
            JsonNode again = json(registry.run("sync", mine.toString(), "--json"), 0);
            assertThat(again.get("counts").get("unchanged").asInt()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTarget.class)
    void a_skill_changed_on_both_sides_is_a_conflict_with_both_digests_and_nothing_is_overwritten(SyncTarget target)
            throws IOException {
        try (SyncTarget.Opened registry = target.open()) {
            SkillTree upstream = upstream();
            json(registry.run("push", upstream.root().toString(), "--json"), 0);
            Path mine = tmp.resolve("mine");
            json(registry.run("pull", mine.toString(), "--json"), 0);
            String base = digest(mine.resolve("development/python"));
            new SkillTree(mine).append("development/python/SKILL.md", "\nMine.\n");
            upstream.append("development/python/SKILL.md", "\nTheirs.\n");
            json(registry.run("push", upstream.root().toString(), "--json"), 0);
            String local = digest(mine.resolve("development/python"));
            String remote = latestDigest(registry, "python-style");

            CliRun.Result text = registry.run("sync", mine.toString());
            JsonNode conflict = skill(json(registry.run("sync", mine.toString(), "--json"), 1), "python-style");

            assertThat(text.exitCode()).as(text.toString()).isEqualTo(1);
            assertThat(text.out()).contains("conflict", "local/python-style", local, remote, base);
            assertThat(conflict.get("action").asString()).isEqualTo("conflict");
            assertThat(conflict.get("localDigest").asString()).isEqualTo(local);
            assertThat(conflict.get("remoteDigest").asString()).isEqualTo(remote);
            assertThat(conflict.get("baseDigest").asString()).isEqualTo(base);
            assertThat(digest(mine.resolve("development/python"))).isEqualTo(local);
            assertThat(latestDigest(registry, "python-style")).isEqualTo(remote);
            assertThat(Files.readString(mine.resolve(".skillbase/sync.json"))).contains(base).doesNotContain(local);
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTarget.class)
    void prefer_local_pushes_the_folder_copy_and_prefer_remote_pulls_the_registry_copy(SyncTarget target)
            throws IOException {
        try (SyncTarget.Opened registry = target.open()) {
            SkillTree upstream = upstream();
            json(registry.run("push", upstream.root().toString(), "--json"), 0);
            Path mine = tmp.resolve("mine");
            json(registry.run("pull", mine.toString(), "--json"), 0);
            SkillTree here = new SkillTree(mine);
            here.append("development/python/SKILL.md", "\nMine.\n");
            here.append("writing/release-notes/SKILL.md", "\nMine too.\n");
            upstream.append("development/python/SKILL.md", "\nTheirs.\n");
            upstream.append("writing/release-notes/SKILL.md", "\nTheirs too.\n");
            json(registry.run("push", upstream.root().toString(), "--json"), 0);
            String theirs = latestDigest(registry, "release-notes");
            String mineDigest = digest(mine.resolve("development/python"));

            JsonNode local = json(registry.run("sync", mine.toString(), "--prefer", "local", "--json"), 0);

            assertThat(skill(local, "python-style").get("action").asString()).isEqualTo("push");
            assertThat(latestDigest(registry, "python-style")).isEqualTo(mineDigest);
            assertThat(latestDigest(registry, "release-notes")).isNotEqualTo(theirs);
            // both were resolved by --prefer local: the registry now holds this folder's copies; make a new conflict
            here.append("writing/release-notes/SKILL.md", "\nMine again.\n");
            upstream.append("writing/release-notes/SKILL.md", "\nTheirs again.\n");
            json(registry.run("push", upstream.root().toString(), "--json"), 0);
            String theirsAgain = latestDigest(registry, "release-notes");

            JsonNode remote = json(registry.run("sync", mine.toString(), "--prefer", "remote", "--json"), 0);

            assertThat(skill(remote, "release-notes").get("action").asString()).isEqualTo("pull");
            assertThat(digest(mine.resolve("writing/release-notes"))).isEqualTo(theirsAgain);
            assertThat(Files.readString(mine.resolve("writing/release-notes/SKILL.md"))).contains("Theirs again")
                    .doesNotContain("Mine again");
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTarget.class)
    void deletions_are_reported_and_prune_propagates_them_without_deleting_unknown_files(SyncTarget target)
            throws IOException {
        try (SyncTarget.Opened registry = target.open()) {
            SkillTree upstream = upstream();
            json(registry.run("push", upstream.root().toString(), "--json"), 0);
            Path mine = tmp.resolve("mine");
            json(registry.run("pull", mine.toString(), "--json"), 0);
            deleteTree(mine.resolve("writing/release-notes"));
            new SkillTree(mine).write("development/python/node_modules/dep/index.js", "module.exports = 1\n");
            new SkillTree(mine).write("development/python/notes.md~", "editor backup\n");

            JsonNode reported = json(registry.run("sync", mine.toString(), "--json"), 0);

            assertThat(skill(reported, "release-notes").get("action").asString()).isEqualTo("deleted_locally");
            assertThat(skill(reported, "python-style").get("action").asString()).isEqualTo("push");
            JsonNode pruned = json(registry.run("sync", mine.toString(), "--prune", "--json"), 0);
            assertThat(skill(pruned, "release-notes").get("action").asString()).isEqualTo("delete_remote");
            assertThat(json(registry.run("show", "local/release-notes", "--json"), 0).get("status").asString())
                    .isEqualTo("archived");

            // the other way round: the registry archives python-style; this folder holds files it does not manage
            CliRun.Result archived = registry.run("sync", mine.toString(), "--json");
            assertThat(archived.exitCode()).as(archived.toString()).isZero();
            archive(registry, "python-style");
            JsonNode remoteGone = json(registry.run("sync", mine.toString(), "--json"), 0);
            assertThat(skill(remoteGone, "python-style").get("action").asString()).isEqualTo("deleted_remotely");
            assertThat(mine.resolve("development/python/SKILL.md")).exists();
            JsonNode prunedHere = json(registry.run("sync", mine.toString(), "--prune", "--json"), 0);

            assertThat(skill(prunedHere, "python-style").get("action").asString()).isEqualTo("delete_local");
            assertThat(filesUnder(mine)).containsExactly("development/python/node_modules/dep/index.js");
            assertThat(json(registry.run("sync", mine.toString(), "--json"), 0).get("skills").size()).isZero();
        }
    }

    /** Archives a skill through the other side: a pruning sync of a colleague's folder that lost it. */
    private void archive(SyncTarget.Opened registry, String name) throws IOException {
        Path colleague = tmp.resolve("colleague");
        json(registry.run("pull", colleague.toString(), "--json"), 0);
        try (Stream<Path> skills = Files.walk(colleague)) {
            Path folder = skills.filter(p -> p.endsWith("SKILL.md"))
                    .filter(p -> readQuietly(p).contains("name: " + name)).findFirst().orElseThrow().getParent();
            deleteTree(folder);
        }
        json(registry.run("sync", colleague.toString(), "--prune", "--json"), 0);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTarget.class)
    void dry_run_prints_the_plan_and_changes_nothing(SyncTarget target) throws IOException {
        try (SyncTarget.Opened registry = target.open()) {
            SkillTree upstream = upstream();
            json(registry.run("push", upstream.root().toString(), "--json"), 0);
            Path mine = tmp.resolve("mine");

            CliRun.Result plannedPull = registry.run("pull", mine.toString(), "--dry-run");

            assertThat(plannedPull.exitCode()).as(plannedPull.toString()).isZero();
            assertThat(plannedPull.out()).contains("pull", "local/python-style", "development/python",
                    "dry run: nothing was written");
            assertThat(mine).doesNotExist();
            json(registry.run("pull", mine.toString(), "--json"), 0);
            String state = Files.readString(mine.resolve(".skillbase/sync.json"));
            new SkillTree(mine).append("development/python/SKILL.md", "\nMine.\n");
            deleteTree(mine.resolve("writing/release-notes"));
            String before = latestDigest(registry, "python-style");

            CliRun.Result plan = registry.run("sync", mine.toString(), "--dry-run", "--prune");

            assertThat(plan.exitCode()).as(plan.toString()).isZero();
            assertThat(plan.out()).contains("push", "local/python-style", "delete remote", "local/release-notes",
                    "dry run: nothing was written");
            assertThat(latestDigest(registry, "python-style")).isEqualTo(before);
            assertThat(json(registry.run("show", "local/release-notes", "--json"), 0).get("status").asString())
                    .isEqualTo("active");
            assertThat(Files.readString(mine.resolve(".skillbase/sync.json"))).isEqualTo(state);
        }
    }

    @ParameterizedTest
    @EnumSource(SyncTarget.class)
    void pull_filters_by_status_and_path_and_never_overwrites_a_folder_it_does_not_manage(SyncTarget target)
            throws IOException {
        try (SyncTarget.Opened registry = target.open()) {
            SkillTree upstream = upstream();
            json(registry.run("push", upstream.root().toString(), "--json"), 0);
            Path mine = tmp.resolve("mine");
            new SkillTree(mine).write("writing/release-notes/draft.txt", "my own file\n");

            JsonNode onlyDevelopment = json(registry.run("pull", mine.toString(), "--path", "development", "--json"), 0);
            JsonNode drafts = json(registry.run("pull", mine.toString(), "--status", "draft", "--json"), 0);
            JsonNode all = json(registry.run("pull", mine.toString(), "--json"), 1);

            assertThat(onlyDevelopment.get("counts").get("pull").asInt()).isEqualTo(1);
            assertThat(drafts.get("skills").size()).isZero();
            assertThat(skill(all, "release-notes").get("action").asString()).isEqualTo("conflict");
            assertThat(skill(all, "release-notes").get("reasons").get(0).asString()).contains("already taken");
            assertThat(skill(all, "python-style").get("action").asString()).isEqualTo("unchanged");
            assertThat(filesUnder(mine)).containsExactly("development/python/SKILL.md",
                    "development/python/scripts/format.sh", "writing/release-notes/draft.txt");
            new SkillTree(mine).append("development/python/SKILL.md", "\nMine.\n");
            upstream.append("development/python/SKILL.md", "\nTheirs.\n");
            json(registry.run("push", upstream.root().toString(), "--json"), 0);
            JsonNode changedBoth = json(registry.run("pull", mine.toString(), "--path", "development", "--json"), 1);
            assertThat(skill(changedBoth, "python-style").get("action").asString()).isEqualTo("conflict");
            assertThat(Files.readString(mine.resolve("development/python/SKILL.md"))).contains("Mine.")
                    .doesNotContain("Theirs.");
        }
    }
}
