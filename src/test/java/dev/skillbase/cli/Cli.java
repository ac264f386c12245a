package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.testing.CliRun;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CLI run in process against one database, with assertions on exit codes and JSON output. */
record Cli(String db) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    CliRun.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db");
        all.add(db);
        return CliRun.run(all.toArray(String[]::new));
    }

    /** Runs a command expected to succeed with {@code --json} and parses its one JSON document. */
    JsonNode json(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--json");
        CliRun.Result result = run(all.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return parse(result.out());
    }

    /** Runs a command with {@code --json} expecting this exit code and parses its JSON document. */
    JsonNode json(int exitCode, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--json");
        CliRun.Result result = run(all.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        return parse(result.out());
    }

    static JsonNode parse(String text) {
        return JSON.readTree(text);
    }

    /** The {@code ns/name} of every skill {@code list --json} returns (up to 100). */
    List<String> listed() {
        List<String> names = new ArrayList<>();
        json("list", "--limit", "100").get("items")
                .forEach(item -> names.add(item.get("namespace").asString() + "/" + item.get("name").asString()));
        return names;
    }
}
