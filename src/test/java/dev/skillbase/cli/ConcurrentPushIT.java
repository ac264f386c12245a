package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Two real {@code skillbase push} processes on one SQLite file at once (runs after {@code package}). */
class ConcurrentPushIT {
    private static final int SKILLS = 100; // enough for the two pushes to overlap, not only to queue

    @TempDir
    Path tmp;

    @Test
    void two_processes_pushing_the_same_folder_both_succeed_and_publish_each_skill_once() throws Exception {
        SkillTree tree = new SkillTree(tmp.resolve("skills"));
        for (int i = 0; i < SKILLS; i++) {
            tree.skill("group-" + (i % 4) + "/skill-" + i, "skill-" + i, "Skill number " + i);
        }
        String db = DatabaseFailuresIT.sqliteUrl(tmp.resolve("shared.db"));

        Process first = push(tree.root(), db, tmp.resolve("first.json"));
        Process second = push(tree.root(), db, tmp.resolve("second.json"));
        int firstExit = first.waitFor();
        int secondExit = second.waitFor();

        assertThat(firstExit).as(Files.readString(tmp.resolve("first.json.err"))).isZero();
        assertThat(secondExit).as(Files.readString(tmp.resolve("second.json.err"))).isZero();
        JsonNode a = report(tmp.resolve("first.json"));
        JsonNode b = report(tmp.resolve("second.json"));
        assertThat(a.get("counts").get("added").asInt() + b.get("counts").get("added").asInt()).isEqualTo(SKILLS);
        assertThat(a.get("counts").get("unchanged").asInt() + b.get("counts").get("unchanged").asInt())
                .isEqualTo(SKILLS);
        Cli cli = new Cli(db);
        assertThat(cli.json("stats").get("skills").asInt()).isEqualTo(SKILLS);
        assertThat(cli.json("stats").get("versions").asInt()).isEqualTo(SKILLS);
        assertThat(cli.json("push", tree.root().toString()).get("counts").get("unchanged").asInt()).isEqualTo(SKILLS);
    }

    private static Process push(Path dir, String db, Path out) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        return new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "-jar", "target/skillbase.jar",
                        "push", dir.toString(), "--db", db, "--json"))
                .redirectOutput(out.toFile())
                .redirectError(Path.of(out + ".err").toFile())
                .start();
    }

    private static JsonNode report(Path file) throws Exception {
        return Cli.parse(Files.readString(file, StandardCharsets.UTF_8));
    }
}
