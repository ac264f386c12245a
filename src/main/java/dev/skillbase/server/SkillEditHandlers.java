package dev.skillbase.server;

import dev.skillbase.account.Access;
import dev.skillbase.account.Principal;
import dev.skillbase.account.Role;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.NewSkill;
import dev.skillbase.registry.SkillDetails;
import dev.skillbase.registry.SkillPatch;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.Viewer;
import dev.skillbase.skill.SkillName;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The routes that change skill records: create, patch, archive, yank and unyank. Order of checks: a token (401),
 * the skill visible to the caller (404), the caller's scope and role (403), then the body (415, 400, 422).
 */
final class SkillEditHandlers {
    static final List<String> STATUSES = List.of("draft", "active", "deprecated", "archived");
    static final List<String> VISIBILITIES = List.of("public", "unlisted", "private");
    private static final String TAXONOMY = "[a-z0-9-]+(/[a-z0-9-]+)*";
    private static final String TAXONOMY_RULE = "lower-case words separated by '/', such as development/testing";
    private static final String URL = "https?://\\S{1,2000}";
    private static final Set<String> CREATE_FIELDS = Set.of("namespace", "name", "title", "description", "category",
            "tags", "visibility", "repo", "homepage");
    private static final Set<String> PATCH_FIELDS = Set.of("title", "category", "tags", "status", "visibility",
            "repo", "homepage");
    /** The fields a PATCH may clear with JSON null. */
    static final List<String> CLEARABLE = List.of("title", "category", "tags", "repo", "homepage");

    private final LocalRegistry registry;
    private final Access access;
    private final Supplier<Links> links;

    SkillEditHandlers(LocalRegistry registry, Access access, Supplier<Links> links) {
        this.registry = registry;
        this.access = access;
        this.links = links;
    }

    /** {@code POST /api/v1/skills}. */
    void create(Context ctx) {
        Principal caller = Access.require(Callers.of(ctx), "creating a skill");
        JsonBody body = JsonBody.read(ctx, CREATE_FIELDS);
        Optional<String> namespace = name(body, "namespace");
        Optional<String> name = name(body, "name");
        Optional<String> title = body.text("title");
        Optional<String> description = body.text("description");
        Optional<String> category = body.matching("category", TAXONOMY, TAXONOMY_RULE);
        Optional<List<String>> tags = body.tags("tags");
        Optional<String> visibility = body.choice("visibility", VISIBILITIES);
        Optional<String> repo = body.matching("repo", URL, "an http(s) URL");
        Optional<String> homepage = body.matching("homepage", URL, "an http(s) URL");
        body.done();
        SkillRef ref = new SkillRef(namespace.orElseThrow(), name.orElseThrow());
        access.requirePublish(caller, ref.namespace());
        registry.create(new NewSkill(ref, title, description, category.orElse(""), tags.orElse(List.of()),
                visibility.orElse("public"), repo, homepage));
        ctx.header("Location", links.get().skill(ref));
        ctx.status(201).json(WireViews.SkillView.of(registry.skill(ref).orElseThrow(), links.get()));
    }

    private static Optional<String> name(JsonBody body, String field) {
        Optional<String> value = body.text(field);
        if (value.isEmpty()) {
            body.error(field, field + "-missing", field + " is required");
        } else if (!SkillName.problems(value.get()).isEmpty()) {
            body.error(field, "invalid-" + field, field + " \"" + value.get() + "\" is not valid: " + SkillName.RULES);
            return Optional.empty();
        }
        return value;
    }

    /**
     * {@code PATCH /api/v1/skills/{namespace}/{name}}: owners and maintainers. A field left out stays as it is; JSON
     * {@code null} (or {@code ""}) clears a clearable field: title (back to the skill's name), category, tags, repo
     * and homepage. Status and visibility always have a value: {@code null} for them is a 422 saying so.
     */
    void update(Context ctx) {
        SkillRef ref = PathParams.ref(ctx);
        authorize(ctx, ref, Role.MAINTAINER, "editing " + ref);
        JsonBody body = JsonBody.read(ctx, PATCH_FIELDS);
        SkillPatch patch = new SkillPatch(
                clearable(body, "title", body.text("title")),
                clearable(body, "category", body.matching("category", TAXONOMY, TAXONOMY_RULE)),
                body.isNull("tags") ? Optional.of(List.of()) : body.tags("tags"),
                required(body, "status", body.choice("status", STATUSES), STATUSES),
                required(body, "visibility", body.choice("visibility", VISIBILITIES), VISIBILITIES),
                clearable(body, "repo", body.matching("repo", URL, "an http(s) URL")),
                clearable(body, "homepage", body.matching("homepage", URL, "an http(s) URL")));
        body.done();
        registry.update(ref, patch);
        ctx.json(WireViews.SkillView.of(registry.skill(ref).orElseThrow(), links.get()));
    }

    /** JSON null clears the field: the patch carries "" for it (see {@link SkillPatch}). */
    private static Optional<String> clearable(JsonBody body, String field, Optional<String> value) {
        return body.isNull(field) ? Optional.of("") : value;
    }

    private static Optional<String> required(JsonBody body, String field, Optional<String> value,
            List<String> allowed) {
        if (body.isNull(field)) {
            body.error(field, "not-clearable", field + " cannot be cleared (null): give one of "
                    + String.join(", ", allowed) + "; only " + String.join(", ", CLEARABLE) + " can be cleared");
        }
        return value;
    }

    /** {@code DELETE /api/v1/skills/{namespace}/{name}}: archives the skill; owners only. */
    void archive(Context ctx) {
        SkillRef ref = PathParams.ref(ctx);
        authorize(ctx, ref, Role.OWNER, "archiving " + ref);
        registry.update(ref, new SkillPatch(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("archived"), Optional.empty(), Optional.empty(), Optional.empty()));
        ctx.json(WireViews.SkillView.of(registry.skill(ref).orElseThrow(), links.get()));
    }

    void yank(Context ctx) {
        yank(ctx, true);
    }

    void unyank(Context ctx) {
        yank(ctx, false);
    }

    private void yank(Context ctx, boolean yanked) {
        SkillRef ref = PathParams.ref(ctx);
        String version = PathParams.version(ctx);
        authorize(ctx, ref, Role.MAINTAINER, (yanked ? "yanking " : "unyanking ") + ref + "@" + version);
        ctx.json(WireViews.VersionView.of(ref, registry.yank(ref, version, yanked), links.get()));
    }

    /**
     * A token (401), the skill visible to its holder (404), then scope and role (403).
     *
     * @return the skill as it is now
     */
    SkillDetails authorize(Context ctx, SkillRef ref, Role least, String action) {
        Principal caller = Access.require(Callers.of(ctx), action);
        Viewer viewer = Access.viewer(Optional.of(caller));
        SkillDetails skill = registry.skill(ref, viewer).orElseThrow(() -> new SkillNotFoundException(ref));
        access.requireRole(caller, ref.namespace(), least, action);
        return skill;
    }
}
