package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotTrainingTest {
    @Test
    void runs_every_training_command_successfully_inside_its_folder(@TempDir Path folder) {
        assertThat(AotTraining.train(folder)).isEmpty();

        assertThat(folder.resolve("training.db")).isRegularFile();
        assertThat(folder.resolve("project/.claude/skills/aot-training/SKILL.md")).isRegularFile();
        assertThat(folder.resolve("pulled")).isDirectory();
        assertThat(folder.resolve("cache/skillbase/push")).isDirectory();
        // the registry commands ran against the child server: the skill came from it over HTTP
        assertThat(folder.resolve("server.db")).isRegularFile();
        assertThat(folder.resolve("remote-project/.claude/skills/aot-training/SKILL.md")).isRegularFile();
    }
}
