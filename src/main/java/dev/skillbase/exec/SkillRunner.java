package dev.skillbase.exec;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.NoSuchSkillException;
import dev.skillbase.registry.NoSuchVersionException;
import dev.skillbase.registry.SkillDetails;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.VersionDetails;
import dev.skillbase.registry.VersionInfo;
import dev.skillbase.skill.InvalidVersionException;
import dev.skillbase.skill.Version;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a skill's declared entry and records the run. The input is checked against the manifest's input schema
 * before anything starts; the bundle is unpacked read-only into a fresh temporary folder; the entry runs in the
 * sandbox with the manifest's limits, the input as JSON on stdin; its stdout must be JSON that fits the output
 * schema. Every run that gets as far as its input is recorded, whatever its end ({@link ExecutionStatus}).
 * Thread-safe: runs may go on concurrently.
 */
public final class SkillRunner {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final LocalRegistry registry;
    private final Optional<Sandbox> sandbox;
    private final Clock clock;

    /** @param sandbox the sandbox runs use; empty when none is available (runs are then refused) */
    public SkillRunner(LocalRegistry registry, Optional<Sandbox> sandbox, Clock clock) {
        this.registry = registry;
        this.sandbox = sandbox;
        this.clock = clock;
    }

    /**
     * Runs the skill and records the run.
     *
     * @return the run as recorded, whatever its status
     * @throws NoSuchSkillException when the skill does not exist or the runner may not see it
     * @throws NoSuchVersionException when the version does not exist
     * @throws NotExecutableException when the version has no {@value RunManifest#FILE}
     * @throws InvalidRunManifestException when its manifest is not valid
     */
    public Execution run(RunRequest request) {
        SkillRef ref = request.skill();
        String version = version(request);
        VersionDetails details = registry.version(ref, version, request.viewer())
                .orElseThrow(() -> new NoSuchVersionException(ref, version));
        byte[] manifestBytes = registry.file(ref, version, RunManifest.FILE, request.viewer())
                .orElseThrow(() -> new NotExecutableException(ref + "@" + version + " cannot be run: it has no "
                        + RunManifest.FILE + " beside its SKILL.md"));
        Set<String> paths = details.files().stream().map(VersionDetails.FileEntry::path).collect(Collectors.toSet());
        RunManifest manifest = RunManifest.parse(ref + "@" + version, manifestBytes, paths);
        Run run = new Run(request, version, clock.instant(), System.nanoTime());
        JsonNode input;
        try {
            input = JSON.readTree(request.inputs());
        } catch (JacksonException e) {
            return run.end(ExecutionStatus.INVALID_INPUT, false, "the input is not valid JSON: "
                    + e.getOriginalMessage(), null);
        }
        List<String> inputErrors = JsonSchemas.errors(manifest.input(), input);
        if (!inputErrors.isEmpty()) {
            return run.end(ExecutionStatus.INVALID_INPUT, false, "the input does not fit the skill's input schema: "
                    + String.join("; ", inputErrors), null);
        }
        Optional<Sandbox> chosen = request.unsandboxed() ? Optional.of(Sandbox.none()) : sandbox;
        if (chosen.isEmpty()) {
            return run.end(ExecutionStatus.REFUSED, false, "no sandbox is available to run " + ref + ": "
                    + Sandbox.HOW_TO_GET_ONE, null);
        }
        ProcessOutcome outcome;
        try (RunFolder folder = RunFolder.unpack(contents(details, request))) {
            outcome = BoundedProcess.run(chosen.get().argv(folder, manifest), chosen.get().workingDirectory(folder),
                    chosen.get().environment(folder), request.inputs(), manifest.timeout(),
                    manifest.maxOutputBytes());
        }
        return judge(run, chosen.get().isolated(), manifest, outcome);
    }

    private Execution judge(Run run, boolean sandboxed, RunManifest manifest, ProcessOutcome outcome) {
        if (outcome.timedOut()) {
            return run.end(ExecutionStatus.TIMED_OUT, sandboxed, "still running after the timeout of "
                    + manifest.timeout().toSeconds() + " s: killed with its processes", outcome);
        }
        if (outcome.outputOverflow()) {
            return run.end(ExecutionStatus.FAILED, sandboxed, "printed more than the output cap of "
                    + manifest.maxOutputBytes() + " bytes: killed with its processes", outcome);
        }
        int exit = outcome.exitCode().orElseThrow();
        if (exit != 0) {
            return run.end(ExecutionStatus.FAILED, sandboxed, "exited with code " + exit, outcome);
        }
        JsonNode output;
        try {
            output = JSON.readTree(outcome.stdout());
        } catch (JacksonException e) {
            return run.end(ExecutionStatus.INVALID_OUTPUT, sandboxed, "the output is not valid JSON: "
                    + e.getOriginalMessage(), outcome);
        }
        if (output == null || output.isMissingNode()) {
            return run.end(ExecutionStatus.INVALID_OUTPUT, sandboxed, "the entry printed nothing on stdout", outcome);
        }
        List<String> errors = JsonSchemas.errors(manifest.output(), output);
        if (!errors.isEmpty()) {
            return run.end(ExecutionStatus.INVALID_OUTPUT, sandboxed, "the output does not fit the skill's output "
                    + "schema: " + String.join("; ", errors), outcome);
        }
        return run.end(ExecutionStatus.SUCCEEDED, sandboxed, "", outcome);
    }

    private String version(RunRequest request) {
        if (request.version().isPresent()) {
            try {
                return Version.parse(request.version().get()).toString();
            } catch (InvalidVersionException e) {
                throw new NoSuchVersionException(request.skill(), request.version().get());
            }
        }
        SkillDetails skill = registry.skill(request.skill(), request.viewer())
                .orElseThrow(() -> new NoSuchSkillException(request.skill()));
        return skill.latest().map(VersionInfo::version)
                .orElseThrow(() -> new NoSuchVersionException(request.skill(), "latest"));
    }

    private Map<String, RunFolder.BundleContent> contents(VersionDetails details, RunRequest request) {
        Map<String, RunFolder.BundleContent> files = new LinkedHashMap<>();
        for (VersionDetails.FileEntry file : details.files()) {
            byte[] bytes = registry.file(details.ref(), details.info().version(), file.path(), request.viewer())
                    .orElseThrow(() -> new IllegalStateException(details.ref() + "@" + details.info().version()
                            + " lists " + file.path() + " but the file cannot be read"));
            files.put(file.path(), new RunFolder.BundleContent(bytes, file.executable()));
        }
        return files;
    }

    /** A run under way: what it was asked, when it started; {@link #end} records it. */
    private final class Run {
        private final RunRequest request;
        private final String version;
        private final Instant started;
        private final long startNanos;

        Run(RunRequest request, String version, Instant started, long startNanos) {
            this.request = request;
            this.version = version;
            this.started = started.truncatedTo(ChronoUnit.MILLIS);
            this.startNanos = startNanos;
        }

        Execution end(ExecutionStatus status, boolean sandboxed, String message, ProcessOutcome outcome) {
            Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
            Execution execution = new Execution(UUID.randomUUID(), request.skill(), version,
                    request.runner().userId(), request.runner().name(), status, sandboxed,
                    outcome == null ? Optional.empty() : outcome.exitCode(), message, Captured.of(request.inputs()),
                    outcome == null ? Optional.empty() : Optional.of(Captured.of(outcome.stdout())),
                    outcome == null ? "" : outcome.stderrTail(), duration, started,
                    started.plus(duration).truncatedTo(ChronoUnit.MILLIS));
            registry.recordExecution(execution);
            return execution;
        }
    }
}
