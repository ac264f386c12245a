package dev.skillbase.server;

import dev.skillbase.account.Access;
import dev.skillbase.account.Principal;
import dev.skillbase.account.Role;
import dev.skillbase.analytics.AnalyticsEvent;
import dev.skillbase.analytics.EventRecorder;
import dev.skillbase.exec.Execution;
import dev.skillbase.exec.ExecutionStatus;
import dev.skillbase.exec.ExecutionView;
import dev.skillbase.exec.RunRequest;
import dev.skillbase.exec.Runner;
import dev.skillbase.exec.Sandbox;
import dev.skillbase.exec.SkillRunner;
import dev.skillbase.exec.Usage;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.Page;
import dev.skillbase.registry.SkillRef;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Runs on the server: {@code POST .../execute} runs a skill in the sandbox (only when the server was started with
 * {@code --allow-exec}, never without the sandbox), {@code GET /api/v1/executions/{id}} reads one run (its runner,
 * the namespace's owners, admins), {@code GET .../executions} lists a skill's runs (all of them for the namespace's
 * owners and admins, the caller's own for anyone else) with the skill's use figures. Order of checks for execute:
 * allowed at all (403), a token (401), the skill visible to the caller (404), then the body (415, 400, 422).
 */
final class ExecutionHandlers {
    private static final Set<String> FIELDS = Set.of("inputs", "version");
    private static final int DEFAULT_LIMIT = 20;

    private final LocalRegistry registry;
    private final Optional<SkillRunner> runner;
    private final EventRecorder events;

    /**
     * @param allowExec whether the server runs skills
     * @throws InvalidSettingException when runs are allowed but no sandbox is installed
     */
    ExecutionHandlers(LocalRegistry registry, boolean allowExec, EventRecorder events) {
        this.registry = registry;
        this.events = events;
        if (allowExec) {
            Sandbox sandbox = Sandbox.bubblewrap().orElseThrow(() -> new InvalidSettingException("--allow-exec",
                    "true", "the server runs skills only in a sandbox, and none is installed: "
                    + "install bubblewrap (apt-get install bubblewrap)"));
            this.runner = Optional.of(new SkillRunner(registry, Optional.of(sandbox), Clock.systemUTC()));
        } else {
            this.runner = Optional.empty();
        }
    }

    /** {@code POST /api/v1/skills/{namespace}/{name}/execute {inputs, version?}}: 201 with the recorded run. */
    void execute(Context ctx) {
        SkillRunner skillRunner = runner.orElseThrow(() -> new ExecNotAllowedException("this server does not run "
                + "skills: its operator did not start it with --allow-exec"));
        SkillRef ref = PathParams.ref(ctx);
        Principal caller = Access.require(Callers.of(ctx), "running " + ref);
        if (registry.skill(ref, Access.viewer(Optional.of(caller))).isEmpty()) {
            throw new SkillNotFoundException(ref);
        }
        JsonBody body = JsonBody.read(ctx, FIELDS);
        Optional<JsonNode> inputs = body.value("inputs");
        if (inputs.isEmpty()) {
            body.error("inputs", "inputs-missing", "inputs is required: the JSON value the skill's input schema "
                    + "describes");
        }
        Optional<String> version = body.text("version");
        body.done();
        Execution execution = skillRunner.run(new RunRequest(ref, version, Json.MAPPER.writeValueAsBytes(
                inputs.orElseThrow()), Runner.user(caller.user().id(), caller.user().name()),
                Access.viewer(Optional.of(caller)), false));
        if (execution.status().startedProcess()) {
            events.observed(AnalyticsEvent.EXECUTED, ref, Optional.of(execution.version()));
        }
        if (execution.status() == ExecutionStatus.INVALID_INPUT) {
            throw new InvalidInputsException(execution);
        }
        ctx.header("Location", "/api/v1/executions/" + execution.id());
        ctx.header("Cache-Control", "no-store");
        ctx.status(201).json(ExecutionView.of(execution));
    }

    /** {@code GET /api/v1/executions/{id}}. */
    void get(Context ctx) {
        Principal caller = Access.require(Callers.of(ctx), "reading a run");
        String id = ctx.pathParam("id");
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("id", "invalid-id", "\"" + id + "\" is not a run id (a UUID)");
        }
        Execution execution = registry.executions().find(uuid)
                .filter(e -> e.userId().equals(Optional.of(caller.user().id()))
                        || ownsNamespace(caller, e.skill().namespace()))
                .orElseThrow(() -> new ExecutionNotFoundException("no run " + id + " that "
                        + caller.user().name() + " may read (its runner and the namespace's owners may)"));
        ctx.header("Cache-Control", "private, no-cache");
        ctx.json(ExecutionView.of(execution));
    }

    /** The skill's runs, newest first, with its use figures. */
    record ExecutionsView(List<ExecutionView> items, long total, int limit, int offset, long runs, long succeeded,
            double successRate) {
    }

    /** {@code GET /api/v1/skills/{namespace}/{name}/executions?limit=&offset=}. */
    void list(Context ctx) {
        SkillRef ref = PathParams.ref(ctx);
        Principal caller = Access.require(Callers.of(ctx), "listing the runs of " + ref);
        if (registry.skill(ref, Access.viewer(Optional.of(caller))).isEmpty()) {
            throw new SkillNotFoundException(ref);
        }
        int limit = Optional.ofNullable(ctx.queryParam("limit"))
                .map(v -> ListRequest.integer(v, "limit", 1, 100)).orElse(DEFAULT_LIMIT);
        int offset = Optional.ofNullable(ctx.queryParam("offset"))
                .map(v -> ListRequest.integer(v, "offset", 0, 1_000_000)).orElse(0);
        Optional<Long> only = ownsNamespace(caller, ref.namespace()) ? Optional.empty()
                : Optional.of(caller.user().id());
        Page<Execution> page = registry.executions().list(ref, only, limit, offset);
        Usage usage = registry.executions().usage(ref);
        ctx.header("Cache-Control", "private, no-cache");
        ctx.json(new ExecutionsView(page.items().stream().map(ExecutionView::of).toList(), page.total(), limit,
                offset, usage.runs(), usage.succeeded(), usage.successRate()));
    }

    private boolean ownsNamespace(Principal caller, String namespace) {
        return caller.actsAsAdmin() || registry.accounts().role(namespace, caller.user().id())
                .map(role -> role == Role.OWNER).orElse(false);
    }
}
