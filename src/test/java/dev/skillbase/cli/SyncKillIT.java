package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.skill.BundleLimits;
import dev.skillbase.skill.SkillScanner;
import dev.skillbase.skill.ValidationMode;
import dev.skillbase.skill.Validator;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A real {@code skillbase pull} or {@code sync} process (the packaged jar) killed with SIGKILL while it writes: the
 * test reads the skills it reports as done and kills it after the tenth, while it is still working on the others.
 * Whatever the moment, no skill is half-written on either side, and running the command again converges.
 */
class SyncKillIT {
    private static final int SKILLS = 120;
    private static final int KILL_AFTER = 10;
    private static final Validator LENIENT = new Validator(ValidationMode.LENIENT, BundleLimits.DEFAULT);

    @TempDir
    Path tmp;

    private SkillTree upstream() {
        SkillTree tree = new SkillTree(tmp.resolve("upstream"));
        for (int i = 0; i < SKILLS; i++) {
            String folder = "group-" + (i % 6) + "/skill-" + i;
            tree.skill(folder, "skill-" + i, "Skill number " + i);
            for (int f = 0; f < 4; f++) {
                tree.write(folder + "/references/part-" + f + ".md", ("Part " + f + " of skill " + i + "\n").repeat(50));
            }
        }
        return tree;
    }

    @Test
    void a_killed_pull_leaves_only_whole_skills_and_pulling_again_completes_it() throws Exception {
        SkillTree upstream = upstream();
        Cli cli = new Cli(DatabaseFailuresIT.sqliteUrl(tmp.resolve("registry.db")));
        cli.json("push", upstream.root().toString());
        Path mine = tmp.resolve("mine");

        int exit = killAfter(KILL_AFTER, "pull", "pull", mine.toString(), "--db", cli.db());

        assertThat(exit).as("the pull was killed before it finished").isNotZero();
        Map<String, String> expected = digests(upstream.root());
        Map<String, String> written = digests(mine);
        assertThat(written.size()).isBetween(KILL_AFTER, SKILLS - 1);
        written.forEach((path, digest) -> assertThat(digest).as(path).isEqualTo(expected.get(path)));
        JsonNode again = cli.json("pull", mine.toString());
        assertThat(again.get("counts").get("pull").asInt() + again.get("counts").path("unchanged").asInt())
                .isEqualTo(SKILLS);
        assertThat(digests(mine)).isEqualTo(expected);
        assertThat(leftInWork(mine)).isEmpty();
        assertThat(cli.json("sync", mine.toString()).get("counts").get("unchanged").asInt()).isEqualTo(SKILLS);
    }

    @Test
    void a_killed_sync_pushing_and_pulling_converges_when_run_again() throws Exception {
        SkillTree upstream = upstream();
        Cli cli = new Cli(DatabaseFailuresIT.sqliteUrl(tmp.resolve("registry.db")));
        cli.json("push", upstream.root().toString());
        Path mine = tmp.resolve("mine");
        cli.json("pull", mine.toString());
        Map<String, String> before = digests(mine);
        SkillTree here = new SkillTree(mine);
        for (int i = 0; i < SKILLS; i++) {
            here.append("group-" + (i % 6) + "/skill-" + i + "/SKILL.md", "\nEdited here.\n");
        }
        Map<String, String> edited = digests(mine);

        int pushing = killAfter(KILL_AFTER, "push", "sync", mine.toString(), "--db", cli.db());

        assertThat(pushing).as("the sync was killed before it finished").isNotZero();
        Map<String, String> afterKill = latest(cli);
        for (int i = 0; i < SKILLS; i++) {
            String path = "group-" + (i % 6) + "/skill-" + i;
            assertThat(afterKill.get("skill-" + i)).as(path).isIn(before.get(path), edited.get(path));
        }
        JsonNode pushed = cli.json("sync", mine.toString());
        assertThat(pushed.get("counts").path("conflict").asInt()).isZero();
        Map<String, String> converged = latest(cli);
        for (int i = 0; i < SKILLS; i++) {
            String path = "group-" + (i % 6) + "/skill-" + i;
            assertThat(converged.get("skill-" + i)).as(path).isEqualTo(edited.get(path));
        }

        // the other way: the registry changed every skill, a sync pulling them is killed
        for (int i = 0; i < SKILLS; i++) {
            upstream.append("group-" + (i % 6) + "/skill-" + i + "/SKILL.md", "\nEdited upstream.\n");
        }
        cli.json("push", upstream.root().toString());
        Map<String, String> remote = new HashMap<>();
        Map<String, String> latest = latest(cli);
        for (int i = 0; i < SKILLS; i++) {
            remote.put("group-" + (i % 6) + "/skill-" + i, latest.get("skill-" + i));
        }

        int pulling = killAfter(KILL_AFTER, "pull", "sync", mine.toString(), "--db", cli.db());

        assertThat(pulling).as("the sync was killed before it finished").isNotZero();
        Map<String, String> folders = digests(mine);
        folders.putAll(movedAside(mine));
        assertThat(folders).hasSize(SKILLS);
        folders.forEach((path, digest) -> assertThat(digest).as(path).isIn(edited.get(path), remote.get(path)));
        JsonNode pulled = cli.json("sync", mine.toString());
        assertThat(pulled.get("counts").path("conflict").asInt()).isZero();
        assertThat(digests(mine)).isEqualTo(remote);
        assertThat(leftInWork(mine)).isEmpty();
        assertThat(cli.json("sync", mine.toString()).get("counts").get("unchanged").asInt()).isEqualTo(SKILLS);
    }

    /**
     * Runs the packaged CLI, reads its report lines as it prints them, and kills it (SIGKILL) right after the
     * {@code count}-th line starting with {@code action}.
     *
     * @return the exit code (non-zero when the kill came before the end)
     */
    private static int killAfter(int count, String action, String... args) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        List<String> command = new java.util.ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-jar",
                "target/skillbase.jar"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            int seen = 0;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(action + " ") && ++seen == count) {
                    process.destroyForcibly();
                    break;
                }
            }
        }
        return process.waitFor();
    }

    /** The registry's latest content digest of every skill, by name, read in one query. */
    private static Map<String, String> latest(Cli cli) {
        try (LocalRegistry registry = LocalRegistry.open(cli.db())) {
            Map<String, String> digests = new HashMap<>();
            registry.heads("local").forEach(head -> digests.put(head.ref().name(), head.contentDigest()));
            return digests;
        }
    }

    /** The content digest of every skill folder under {@code root}, by its relative path. */
    private static Map<String, String> digests(Path root) {
        Map<String, String> digests = new HashMap<>();
        for (Path dir : SkillScanner.find(root)) {
            digests.put(root.relativize(dir).toString(), LENIENT.validate(dir).bundle().orElseThrow().contentDigest());
        }
        return digests;
    }

    /**
     * The skill folders a kill caught between moving the old copy aside and the new one in (a window of two renames):
     * whole in {@code .skillbase/work/<id>/old}, put back by the next run.
     */
    private static Map<String, String> movedAside(Path root) throws IOException {
        Map<String, String> digests = new HashMap<>();
        for (Path work : leftInWork(root)) {
            Path old = work.resolve("old");
            if (Files.exists(work.resolve("new")) && Files.isRegularFile(old.resolve("SKILL.md"))) {
                digests.put(Files.readString(work.resolve("target")),
                        LENIENT.validate(old).bundle().orElseThrow().contentDigest());
            }
        }
        return digests;
    }

    private static Set<Path> leftInWork(Path root) throws IOException {
        Path work = root.resolve(".skillbase/work");
        if (!Files.exists(work)) {
            return Set.of();
        }
        try (Stream<Path> left = Files.list(work)) {
            return Set.copyOf(left.toList());
        }
    }
}
