package dev.skillbase.server;

import dev.skillbase.account.Role;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.SkillRef;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET .../tags}, {@code PUT} and {@code DELETE .../tags/{tag}}: names pointing at versions. {@code latest} is
 * kept by the registry (the highest version not yanked) and cannot be set or removed by hand.
 */
final class VersionTagHandlers {
    private final LocalRegistry registry;
    private final SkillEditHandlers skills;

    VersionTagHandlers(LocalRegistry registry, SkillEditHandlers skills) {
        this.registry = registry;
        this.skills = skills;
    }

    record TagsView(String namespace, String name, Map<String, String> tags) {
    }

    void list(Context ctx) {
        SkillRef ref = PathParams.ref(ctx);
        registry.skill(ref, Callers.viewer(ctx)).orElseThrow(() -> new SkillNotFoundException(ref));
        ctx.json(new TagsView(ref.namespace(), ref.name(), registry.versionTags(ref)));
    }

    void put(Context ctx) {
        SkillRef ref = PathParams.ref(ctx);
        String tag = tag(ctx);
        skills.authorize(ctx, ref, Role.MAINTAINER, "tagging a version of " + ref);
        JsonBody body = JsonBody.read(ctx, Set.of("version"));
        String version = body.text("version").map(v -> PathParams.version(v, "version")).orElse(null);
        if (version == null) {
            body.error("version", "version-missing", "version is required: {\"version\": \"1.2.0\"}");
        }
        body.done();
        registry.setVersionTag(ref, tag, version);
        ctx.json(new TagsView(ref.namespace(), ref.name(), registry.versionTags(ref)));
    }

    void delete(Context ctx) {
        SkillRef ref = PathParams.ref(ctx);
        String tag = tag(ctx);
        skills.authorize(ctx, ref, Role.MAINTAINER, "untagging a version of " + ref);
        if (!registry.removeVersionTag(ref, tag)) {
            throw VersionNotFoundException.noTag(ref, tag);
        }
        ctx.status(204);
    }

    private static String tag(Context ctx) {
        String tag = ctx.pathParam("tag");
        if (tag.equals("latest")) {
            throw new InvalidParameterException("tag", "tag-reserved", "tag latest always points at the highest "
                    + "version not yanked: it cannot be set or removed by hand (yank a version to move it)");
        }
        if (!tag.matches("[a-z0-9]+([.-][a-z0-9]+)*") || tag.length() > 64) {
            throw new InvalidParameterException("tag", "invalid-tag", "tag \"" + tag
                    + "\" is not valid: lower-case letters and digits, separated by '-' or '.', at most 64");
        }
        return tag;
    }
}
