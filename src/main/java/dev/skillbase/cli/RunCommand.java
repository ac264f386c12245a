package dev.skillbase.cli;

import dev.skillbase.exec.Execution;
import dev.skillbase.exec.ExecutionStatus;
import dev.skillbase.exec.ExecutionView;
import dev.skillbase.exec.RunRequest;
import dev.skillbase.exec.Runner;
import dev.skillbase.exec.Sandbox;
import dev.skillbase.exec.SkillRunner;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.Viewer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skillbase run NS/NAME[@VERSION] --input JSON}: runs a skill's declared entry in the sandbox, recorded. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {"Runs an executable skill (one with a " + "skill.run.json" + " beside its SKILL.md) from the "
                + "database: the input is checked against the skill's input schema, the entry runs in a bubblewrap "
                + "sandbox (no network, only the bundle and a scratch folder, limits on time, memory, processes "
                + "and output), and its JSON output is checked against the output schema. Every run is recorded.",
            "Prints the output (or, with --json, the recorded run)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the run succeeded",
            "1:the run failed, timed out, or its input or output did not fit the schema; no such skill or version; "
                    + "the skill declares no entry",
            "2:usage error (malformed reference, bad option, --registry given)",
            "3:environment error (no sandbox available: install bubblewrap, or pass --unsandboxed; database "
                    + "unreachable)"
        })
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Mixin
    JsonOption json;

    @Parameters(paramLabel = "NS/NAME[@VERSION]", description = "The skill, e.g. local/word-count or "
            + "local/word-count@1.0.0 (default: the latest version).")
    String reference;

    @ArgGroup(multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--input", paramLabel = "JSON", description = "The input, as JSON text.")
        String text;

        @Option(names = "--input-file", paramLabel = "FILE", description = "A file holding the input JSON "
                + "(- for stdin).")
        Path file;
    }

    @Option(names = "--unsandboxed", description = "Run without the sandbox, with your own rights (only the time, "
            + "memory and output limits apply). Only for skills you trust.")
    boolean unsandboxed;

    @Override
    public Integer call() {
        if (db.registry != null) {
            throw new UsageException("run works on a database (--db); a server runs skills with POST "
                    + "/api/v1/skills/{namespace}/{name}/execute");
        }
        SkillReference ref = SkillReference.parse(reference);
        byte[] inputs = inputs();
        Execution execution;
        try (LocalRegistry registry = db.openLocal()) {
            SkillRunner runner = new SkillRunner(registry, Sandbox.bubblewrap(), Clock.systemUTC());
            execution = runner.run(new RunRequest(ref.ref(), ref.version(), inputs, Runner.local(),
                    Viewer.EVERYTHING, unsandboxed));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.enabled) {
            Json.print(out, ExecutionView.of(execution));
        } else if (execution.status() == ExecutionStatus.SUCCEEDED) {
            out.println(execution.outputs().orElseThrow().text().strip());
            out.flush();
        }
        if (execution.status() != ExecutionStatus.SUCCEEDED) {
            if (!execution.stderrTail().isBlank() && !json.enabled) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(execution.stderrTail().stripTrailing());
                err.flush();
            }
            throw new RunFailedException(execution);
        }
        return ExitCodes.OK;
    }

    private byte[] inputs() {
        if (input.text != null) {
            return input.text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return input.file.toString().equals("-") ? System.in.readAllBytes() : Files.readAllBytes(input.file);
        } catch (IOException e) {
            throw new UsageException("cannot read --input-file " + input.file + ": " + e.getMessage());
        }
    }
}
