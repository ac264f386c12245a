package dev.skillbase.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.Viewer;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.ExecSkills;
import dev.skillbase.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The use figures stay exact when many runs of one skill end at once, on SQLite and on PostgreSQL. */
class ExecutionConcurrencyIT {
    private static final int RUNS = 24;

    @TempDir
    Path work;

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void concurrent_runs_are_each_counted_once(DbKind kind) throws Exception {
        try (LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind))) {
            Sandbox sandbox = Sandbox.bubblewrap().orElseThrow(() -> new AssertionError(
                    "this test needs bubblewrap: apt-get install bubblewrap"));
            SkillRunner runner = new SkillRunner(registry, Optional.of(sandbox), Clock.systemUTC());
            // succeeds when the input says so, fails otherwise
            SkillRef skill = ExecSkills.shell(registry, work, "test", "coin", "grep -q true && echo '{}' || exit 1",
                    Map.of());
            List<Future<Execution>> runs = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                for (int i = 0; i < RUNS; i++) {
                    String input = "{\"ok\": " + (i % 3 == 0) + "}";
                    runs.add(pool.submit(() -> runner.run(new RunRequest(skill, Optional.empty(),
                            input.getBytes(StandardCharsets.UTF_8), Runner.local(), Viewer.EVERYTHING, false))));
                }
            }
            long succeeded = 0;
            for (Future<Execution> run : runs) {
                if (run.get().status() == ExecutionStatus.SUCCEEDED) {
                    succeeded++;
                } else {
                    assertThat(run.get().status()).isEqualTo(ExecutionStatus.FAILED);
                }
            }

            assertThat(succeeded).isEqualTo(RUNS / 3);
            Usage usage = registry.executions().usage(skill);
            assertThat(usage).isEqualTo(new Usage(RUNS, RUNS / 3));
            assertThat(usage.successRate()).isEqualTo(1.0 / 3);
            assertThat(registry.executions().list(skill, Optional.empty(), 100, 0).total()).isEqualTo(RUNS);
        }
    }
}
