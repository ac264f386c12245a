package dev.skillbase.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.skillbase.account.NamespaceNotFoundException;
import dev.skillbase.registry.DiscoverableSkill;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.Viewer;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The discovery indexes the {@code skills} CLI (and other clients) read, for the whole registry and per namespace
 * ({@code /ns/{namespace}} is a base URL of its own, and {@code /ns/{namespace}@{name}} one holding just that skill,
 * which is the {@code SOURCE@NAME} that {@code skills find} prints):
 * <ul>
 *   <li>{@code .well-known/agent-skills/index.json}, discovery RFC v0.2: one {@code archive} entry per skill, its
 *       URL the latest version's deterministic tar.gz (SKILL.md at its root) and its digest the SHA-256 of exactly
 *       those bytes;</li>
 *   <li>{@code .well-known/skills/index.json}, the legacy v0.1: each skill's {@code files[]}, served under
 *       {@code .well-known/skills/{name}/{path}} from the latest version.</li>
 * </ul>
 * Which skills appear, and under which name globally, is {@link PublicCatalog}'s decision; an index holds at most
 * {@link PublicCatalog#MAX_ENTRIES} skills, and says so in {@value #TRUNCATED_HEADER} when more would have been
 * listed. Thread-safe.
 */
final class DiscoveryHandlers {
    static final String SCHEMA_V2 = "https://schemas.agentskills.io/discovery/0.2.0/schema.json";
    static final int MAX_DESCRIPTION = 1024;

    private final LocalRegistry registry;
    private final PublicCatalog catalog;
    private final Supplier<Links> links;

    DiscoveryHandlers(LocalRegistry registry, PublicCatalog catalog, Supplier<Links> links) {
        this.registry = registry;
        this.catalog = catalog;
        this.links = links;
    }

    record IndexV2(@JsonProperty("$schema") String schema, List<EntryV2> skills) {
    }

    record EntryV2(String name, String type, String description, String url, String digest) {
    }

    record IndexV1(List<EntryV1> skills) {
    }

    record EntryV1(String name, String description, List<String> files) {
    }

    /** Set when an index lists {@link PublicCatalog#MAX_ENTRIES} skills and more would have been listed. */
    static final String TRUNCATED_HEADER = "X-Skillbase-Index-Truncated";

    void agentSkillsIndex(Context ctx) {
        Links base = links.get();
        List<EntryV2> entries = skills(ctx).stream().map(skill -> new EntryV2(skill.ref().name(), "archive",
                description(skill), base.archive(skill.ref(), skill.version()), skill.archiveDigest())).toList();
        ctx.json(new IndexV2(SCHEMA_V2, entries));
    }

    void legacyIndex(Context ctx) {
        List<DiscoverableSkill> skills = skills(ctx);
        Map<UUID, List<String>> files = catalog.files(skills);
        List<EntryV1> entries = skills.stream()
                .map(skill -> new EntryV1(skill.ref().name(), description(skill),
                        files.getOrDefault(skill.id(), List.of())))
                .filter(entry -> entry.files().contains("SKILL.md") && entry.files().stream().noneMatch(p -> p.contains("..")))
                .toList();
        ctx.json(new IndexV1(entries));
    }

    void legacyFile(Context ctx) {
        Optional<String> namespace = Scope.of(ctx).namespace();
        String name = PathParams.name(ctx.pathParam(PathParams.NAME), PathParams.NAME);
        String path = PathParams.filePath(ctx);
        DiscoverableSkill skill = catalog.skill(namespace, name)
                .orElseThrow(() -> new SkillNotFoundException(new SkillRef(namespace.orElse("*"), name)));
        byte[] bytes = registry.file(skill.ref(), skill.version(), path, Viewer.PUBLIC)
                .orElseThrow(() -> VersionNotFoundException.noFile(skill.ref(), skill.version(), path));
        ctx.header("Content-Security-Policy", "sandbox; default-src 'none'");
        ctx.contentType(ContentTypes.of(path)).result(bytes);
    }

    private List<DiscoverableSkill> skills(Context ctx) {
        Scope scope = Scope.of(ctx);
        if (scope.only().isPresent()) {
            String name = scope.only().get();
            return List.of(catalog.skill(scope.namespace(), name).orElseThrow(() -> new SkillNotFoundException(
                    new SkillRef(scope.namespace().orElseThrow(), name))));
        }
        PublicCatalog.Index index = catalog.index(scope.namespace());
        if (scope.namespace().isPresent() && index.skills().isEmpty()) {
            throw new NamespaceNotFoundException(scope.namespace().get());
        }
        if (index.truncated()) {
            ctx.header(TRUNCATED_HEADER, "listed the first " + index.skills().size() + " skills by name; install the "
                    + "others from their namespace's index (/ns/{namespace}) or /ns/{namespace}@{name}");
        }
        return index.skills();
    }

    /** The whole registry, a namespace ({@code /ns/acme}), or one skill of it ({@code /ns/acme@pdf-tools}). */
    private record Scope(Optional<String> namespace, Optional<String> only) {
        static Scope of(Context ctx) {
            if (!ctx.pathParamMap().containsKey(PathParams.NAMESPACE)) {
                return new Scope(Optional.empty(), Optional.empty());
            }
            String raw = ctx.pathParam(PathParams.NAMESPACE);
            int at = raw.indexOf('@');
            String namespace = PathParams.name(at < 0 ? raw : raw.substring(0, at), PathParams.NAMESPACE);
            return new Scope(Optional.of(namespace), at < 0 ? Optional.empty()
                    : Optional.of(PathParams.name(raw.substring(at + 1), PathParams.NAME)));
        }
    }

    /** Clients refuse an entry without a description or with one over 1024 characters. */
    private static String description(DiscoverableSkill skill) {
        String text = skill.description().isBlank() ? skill.title() : skill.description().strip();
        if (text.isBlank()) {
            text = skill.ref().name();
        }
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 1) + "…";
    }
}
