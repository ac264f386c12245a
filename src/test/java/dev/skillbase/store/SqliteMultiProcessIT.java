package dev.skillbase.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.PublishBatch;
import dev.skillbase.testing.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteMultiProcessIT {
    private static final int PER_PROCESS = 25;

    private static Process start(String url, String prefix) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), PublishBatch.class.getName(), url, prefix,
                String.valueOf(PER_PROCESS))
                .redirectErrorStream(true)
                .start();
    }

    @Test
    void two_processes_publishing_into_one_new_sqlite_file_both_succeed() throws Exception {
        String url = TestDatabases.freshUrl(DbKind.SQLITE);

        List<Process> processes = List.of(start(url, "left"), start(url, "right"));

        for (Process process : processes) {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(output).isZero();
        }
        try (LocalRegistry registry = LocalRegistry.open(url)) {
            assertThat(registry.stats().skills()).isEqualTo(2 * PER_PROCESS);
            assertThat(registry.stats().versions()).isEqualTo(2 * PER_PROCESS);
        }
    }
}
