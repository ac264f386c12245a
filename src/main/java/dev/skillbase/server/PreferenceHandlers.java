package dev.skillbase.server;

import dev.skillbase.account.Access;
import dev.skillbase.account.Principal;
import dev.skillbase.install.AgentCatalog;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.Preferences;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.Viewer;
import dev.skillbase.skill.SkillName;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET}/{@code PUT /api/v1/me/preferences}: the caller's preferred agents, scope, and skills turned on or off.
 * A PUT replaces them all at once (a field left out takes its default) after checking every field: agents must be
 * known ids without repeats, skills {@code namespace/name} that the caller may read, none both enabled and disabled.
 * Any valid token may read and set its own user's preferences.
 */
final class PreferenceHandlers {
    private static final Set<String> FIELDS = Set.of("agents", "scope", "enabled_skills", "disabled_skills");
    private static final int MAX_SKILLS = 1000;

    private final LocalRegistry registry;
    private final InstallationHandlers installations;
    private final AgentCatalog agents;

    PreferenceHandlers(LocalRegistry registry, InstallationHandlers installations, AgentCatalog agents) {
        this.registry = registry;
        this.installations = installations;
        this.agents = agents;
    }

    record PreferencesView(List<String> agents, String scope, List<String> enabledSkills, List<String> disabledSkills,
            Instant updatedAt) {
        static PreferencesView of(Preferences p) {
            return new PreferencesView(p.agents(), p.scope(), p.enabled().stream().map(SkillRef::toString).toList(),
                    p.disabled().stream().map(SkillRef::toString).toList(), p.updatedAt().orElse(null));
        }
    }

    void get(Context ctx) {
        Principal caller = Access.require(Callers.of(ctx), "reading your preferences");
        ctx.header("Cache-Control", "private, no-cache");
        ctx.json(PreferencesView.of(registry.installations().preferences(caller.user().id())));
    }

    void put(Context ctx) {
        Principal caller = Access.require(Callers.of(ctx), "setting your preferences");
        Viewer viewer = Access.viewer(Optional.of(caller));
        JsonBody body = JsonBody.read(ctx, FIELDS);
        List<String> agentIds = agents(body);
        Optional<String> scope = body.choice("scope", InstallationHandlers.SCOPES);
        List<SkillRef> enabled = skills(body, "enabled_skills", viewer);
        List<SkillRef> disabled = skills(body, "disabled_skills", viewer);
        Set<SkillRef> both = new HashSet<>(enabled);
        both.retainAll(disabled);
        if (!both.isEmpty()) {
            body.error("disabled_skills", "enabled-and-disabled", "a skill cannot be both enabled and disabled: "
                    + String.join(", ", both.stream().map(SkillRef::toString).sorted().toList()));
        }
        body.done();
        Preferences defaults = Preferences.defaults();
        Preferences stored = registry.installations().replacePreferences(caller.user().id(), new Preferences(agentIds,
                scope.orElse(defaults.scope()), enabled, disabled, Optional.empty()));
        ctx.json(PreferencesView.of(stored));
    }

    private List<String> agents(JsonBody body) {
        List<String> ids = body.strings("agents").orElse(List.of());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (agents.find(id).isEmpty()) {
                body.error("agents[" + i + "]", "unknown-agent", installations.unknownAgent(id));
            } else if (!seen.add(id)) {
                body.error("agents[" + i + "]", "duplicate-agent", "agent " + id + " is listed twice");
            }
        }
        return ids;
    }

    /** A list of {@code namespace/name}, each a skill the viewer may read; repeats are dropped. */
    private List<SkillRef> skills(JsonBody body, String field, Viewer viewer) {
        List<String> texts = body.strings(field).orElse(List.of());
        if (texts.size() > MAX_SKILLS) {
            body.error(field, "too-many-skills", field + " lists " + texts.size() + " skills; at most " + MAX_SKILLS);
            return List.of();
        }
        List<SkillRef> refs = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            String[] parts = text.split("/", -1);
            if (parts.length != 2 || !SkillName.problems(parts[0]).isEmpty()
                    || !SkillName.problems(parts[1]).isEmpty()) {
                body.error(field + "[" + i + "]", "invalid-skill", "\"" + text + "\" is not NAMESPACE/NAME");
                continue;
            }
            SkillRef ref = new SkillRef(parts[0], parts[1]);
            if (registry.skill(ref, viewer).isEmpty()) {
                body.error(field + "[" + i + "]", "unknown-skill", "there is no skill " + ref);
            } else if (!refs.contains(ref)) {
                refs.add(ref);
            }
        }
        return refs;
    }
}
