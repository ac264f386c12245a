package dev.skillbase.server;

import dev.skillbase.account.Role;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.SkillRef;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET .../tags}, {@code GET}, {@code PUT} and {@code DELETE .../tags/{tag}}: names pointing at versions.
 * {@code latest} is kept by the registry (the highest version not yanked; none when every version is yanked) and
 * cannot be set or removed by hand. A tag set by hand on a version yanked since does not resolve (404 saying so) and
 * is listed apart under {@code yanked} until the version is unyanked; a tag cannot be pointed at a yanked version.
 */
final class VersionTagHandlers {
    private final LocalRegistry registry;
    private final SkillEditHandlers skills;

    VersionTagHandlers(LocalRegistry registry, SkillEditHandlers skills) {
        this.registry = registry;
        this.skills = skills;
    }

    /** {@code tags} resolve; {@code yanked} are tags set by hand whose version is yanked. */
    record TagsView(String namespace, String name, Map<String, String> tags, Map<String, String> yanked) {
    }

    record TagView(String namespace, String name, String tag, String version) {
    }

    private TagsView view(SkillRef ref) {
        return new TagsView(ref.namespace(), ref.name(), registry.versionTags(ref), registry.yankedVersionTags(ref));
    }

    void list(Context ctx) {
        SkillRef ref = PathParams.ref(ctx);
        registry.skill(ref, Callers.viewer(ctx)).orElseThrow(() -> new SkillNotFoundException(ref));
        ctx.json(view(ref));
    }

    /** {@code GET .../tags/{tag}}: the version a tag resolves to, {@code latest} included; how installs by tag resolve. */
    void get(Context ctx) {
        SkillRef ref = PathParams.ref(ctx);
        String tag = ctx.pathParam("tag");
        registry.skill(ref, Callers.viewer(ctx)).orElseThrow(() -> new SkillNotFoundException(ref));
        String version = registry.versionTags(ref).get(tag);
        if (version == null) {
            String yanked = registry.yankedVersionTags(ref).get(tag);
            if (yanked != null) {
                throw VersionNotFoundException.yankedTag(ref, tag, yanked);
            }
            throw tag.equals("latest") ? VersionNotFoundException.noLatest(ref) : VersionNotFoundException.noTag(ref,
                    tag);
        }
        ctx.json(new TagView(ref.namespace(), ref.name(), tag, version));
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
        ctx.json(view(ref));
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
