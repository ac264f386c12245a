package dev.skillbase.server;

import dev.skillbase.account.Access;
import dev.skillbase.account.Principal;
import dev.skillbase.install.Agent;
import dev.skillbase.install.AgentCatalog;
import dev.skillbase.analytics.AnalyticsEvent;
import dev.skillbase.analytics.EventRecorder;
import dev.skillbase.registry.Installation;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.NewInstallation;
import dev.skillbase.registry.Page;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.VersionInfo;
import dev.skillbase.skill.InvalidVersionException;
import dev.skillbase.skill.Version;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A signed-in user's own installations: record one ({@code POST .../install}), remove them
 * ({@code DELETE .../install}), list them ({@code GET /api/v1/me/installations}). Any valid token may record its own
 * user's installations (scope {@code read} suffices: nothing but the caller's own records and the skill's install
 * count change). Order of checks: a token (401), the skill visible to the caller (404), then the body (415, 400,
 * 422).
 */
final class InstallationHandlers {
    static final List<String> SCOPES = List.of(NewInstallation.PROJECT, NewInstallation.GLOBAL);
    private static final Set<String> FIELDS = Set.of("version", "agent", "scope", "auto_update");
    private static final int DEFAULT_LIMIT = 100;

    private final LocalRegistry registry;
    private final AgentCatalog agents;
    private final EventRecorder events;

    InstallationHandlers(LocalRegistry registry, AgentCatalog agents, EventRecorder events) {
        this.registry = registry;
        this.agents = agents;
        this.events = events;
    }

    record InstallationView(String skill, String namespace, String name, String version, String agent, String scope,
            boolean autoUpdate, Instant installedAt, Instant updatedAt, Instant lastUsedAt, long reinstalls,
            long updates, String latestVersion, long skillInstalls) {
        static InstallationView of(Installation i) {
            return new InstallationView(i.skill().toString(), i.skill().namespace(), i.skill().name(), i.version(),
                    i.agent(), i.scope(), i.autoUpdate(), i.installedAt(), i.updatedAt(), i.lastUsedAt(),
                    i.reinstalls(), i.updates(), i.latestVersion().orElse(null), i.skillInstalls());
        }
    }

    /** {@code POST /api/v1/skills/{namespace}/{name}/install}: 201 when created, 200 when it existed. */
    void record(Context ctx) {
        SkillRef ref = PathParams.ref(ctx);
        Principal caller = visibleSkill(ctx, ref, "recording an installation of " + ref);
        JsonBody body = JsonBody.read(ctx, FIELDS);
        Optional<String> version = version(body, ref);
        Optional<String> agent = agent(body);
        Optional<String> scope = body.choice("scope", SCOPES);
        Optional<Boolean> autoUpdate = body.bool("auto_update");
        body.done();
        Installation.Recorded recorded = registry.installations().record(caller.user().id(), ref, new NewInstallation(
                version.orElseThrow(), agent.orElseThrow(), scope.orElse(NewInstallation.PROJECT),
                autoUpdate.orElse(false)));
        events.observed(AnalyticsEvent.INSTALLED, ref, Optional.of(recorded.installation().version()));
        ctx.header("Cache-Control", "no-store");
        ctx.status(recorded.created() ? 201 : 200).json(InstallationView.of(recorded.installation()));
    }

    /**
     * {@code DELETE /api/v1/skills/{namespace}/{name}/install?agent=&scope=}: the caller's installations of the skill
     * for that agent and scope (every agent, every scope when left out); 204, or 404 when there was none.
     */
    void remove(Context ctx) {
        SkillRef ref = PathParams.ref(ctx);
        Principal caller = visibleSkill(ctx, ref, "removing an installation of " + ref);
        Optional<String> agent = Optional.ofNullable(ctx.queryParam("agent")).map(String::strip);
        if (agent.isPresent() && agents.find(agent.get()).isEmpty()) {
            throw new InvalidParameterException("agent", "unknown-agent", unknownAgent(agent.get()));
        }
        Optional<String> scope = Optional.ofNullable(ctx.queryParam("scope")).map(String::strip);
        if (scope.isPresent() && !SCOPES.contains(scope.get())) {
            throw new InvalidParameterException("scope", "invalid-scope", "scope \"" + scope.get()
                    + "\" is not one of " + String.join(", ", SCOPES));
        }
        if (registry.installations().remove(caller.user().id(), ref, agent, scope) == 0) {
            throw new InstallationNotFoundException("user " + caller.user().name() + " has no installation of "
                    + ref + agent.map(a -> " for agent " + a).orElse("") + scope.map(s -> " in scope " + s).orElse(""));
        }
        events.observed(AnalyticsEvent.UNINSTALLED, ref);
        ctx.status(204);
    }

    /** {@code GET /api/v1/me/installations?limit=&offset=}: the caller's installations, by skill, agent, scope. */
    void list(Context ctx) {
        Principal caller = Access.require(Callers.of(ctx), "listing your installations");
        int limit = Optional.ofNullable(ctx.queryParam("limit"))
                .map(v -> ListRequest.integer(v, "limit", 1, 100)).orElse(DEFAULT_LIMIT);
        int offset = Optional.ofNullable(ctx.queryParam("offset"))
                .map(v -> ListRequest.integer(v, "offset", 0, 1_000_000)).orElse(0);
        Page<Installation> page = registry.installations().list(caller.user().id(),
                Access.viewer(Optional.of(caller)), limit, offset);
        ctx.header("Cache-Control", "private, no-cache");
        ctx.json(new WireViews.PageView<>(page.items().stream().map(InstallationView::of).toList(), page.total(),
                limit, offset, null));
    }

    /** A token (401), then the skill visible to its holder (404). */
    private Principal visibleSkill(Context ctx, SkillRef ref, String action) {
        Principal caller = Access.require(Callers.of(ctx), action);
        if (registry.skill(ref, Access.viewer(Optional.of(caller))).isEmpty()) {
            throw new SkillNotFoundException(ref);
        }
        return caller;
    }

    /**
     * Required; semver, normalised; one of the skill's versions (a yanked one too: an exact pin installs it). The
     * caller was found to see the skill already.
     */
    private Optional<String> version(JsonBody body, SkillRef ref) {
        Optional<String> text = body.text("version");
        if (text.isEmpty()) {
            body.error("version", "version-missing", "version is required: the version that was installed");
            return Optional.empty();
        }
        String version;
        try {
            version = Version.parse(text.get()).toString();
        } catch (InvalidVersionException e) {
            body.error("version", "invalid-version", e.getMessage());
            return Optional.empty();
        }
        List<VersionInfo> versions = registry.versions(ref);
        if (versions.stream().noneMatch(v -> v.version().equals(version))) {
            List<String> newest = versions.stream().limit(10).map(VersionInfo::version).toList();
            body.error("version", "unknown-version", ref + " has no version " + version
                    + (newest.isEmpty() ? "" : "; its newest versions: " + String.join(", ", newest)));
            return Optional.empty();
        }
        return Optional.of(version);
    }

    private Optional<String> agent(JsonBody body) {
        Optional<String> agent = body.text("agent");
        if (agent.isEmpty()) {
            body.error("agent", "agent-missing", "agent is required: the id of the agent installed for, e.g. "
                    + "claude-code");
        } else if (agents.find(agent.get()).isEmpty()) {
            body.error("agent", "unknown-agent", unknownAgent(agent.get()));
            return Optional.empty();
        }
        return agent;
    }

    String unknownAgent(String id) {
        return "agent \"" + id + "\" is not one skillbase knows; known agents: "
                + String.join(", ", agents.all().stream().map(Agent::id).toList());
    }
}
