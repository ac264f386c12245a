package dev.skillbase.registry;

import dev.skillbase.suggest.PackageId;
import dev.skillbase.suggest.PackageQuery;
import dev.skillbase.suggest.PackageSuggestions;
import dev.skillbase.suggest.SuggestedSkill;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** API v1 JSON (snake_case, null for absent) read back into the registry's records. */
final class WireRecords {
    private WireRecords() {
    }

    static SkillDetails skill(JsonNode n) {
        SkillRef ref = new SkillRef(text(n, "namespace"), text(n, "name"));
        JsonNode latest = n.get("latest");
        return new SkillDetails(UUID.fromString(text(n, "id")), ref, text(n, "title"), text(n, "description"),
                text(n, "taxonomy_path"), text(n, "status"), text(n, "visibility"), optional(n, "license"),
                optional(n, "source_url"), optional(n, "homepage"), optional(n, "repo"), strings(n.get("tags")),
                latest == null || latest.isNull() ? Optional.empty() : Optional.of(version(latest)),
                n.path("counters").path("installs").asLong(), n.path("counters").path("versions").asLong(),
                n.path("counters").path("executions").asLong(),
                n.path("counters").path("executions_succeeded").asLong(), instant(n, "created_at"), instant(n, "updated_at"), rating(n.path("rating")));
    }

    /** {@code {"average": 4.5, "count": 2}}; none when the server sends no rating (an older server). */
    static Rating rating(JsonNode n) {
        long count = n.path("count").asLong(0);
        JsonNode average = n.get("average");
        return count == 0 || average == null || !average.isNumber() ? Rating.NONE
                : new Rating(Optional.of(average.asDouble()), count);
    }

    /** A review as {@code .../reviews} gives it. */
    static Review review(JsonNode n) {
        return new Review(n.path("id").asLong(), new SkillRef(text(n, "namespace"), text(n, "name")),
                text(n, "author"), n.path("rating").asInt(), text(n, "title"), text(n, "body"), optional(n, "version"),
                instant(n, "created_at"), instant(n, "updated_at"));
    }

    /** The body of {@code GET /api/v1/sync/heads}. */
    static List<SkillHead> heads(JsonNode n) {
        String namespace = text(n, "namespace");
        List<SkillHead> heads = new ArrayList<>();
        n.path("skills").forEach(s -> heads.add(new SkillHead(new SkillRef(namespace, text(s, "name")),
                text(s, "taxonomy_path"), text(s, "status"), text(s, "version"), text(s, "content_digest"))));
        return heads;
    }

    /** An installation as {@code POST .../install} and {@code GET /api/v1/me/installations} give it. */
    static Installation installation(JsonNode n) {
        return new Installation(new SkillRef(text(n, "namespace"), text(n, "name")), text(n, "version"),
                text(n, "agent"), text(n, "scope"), n.path("auto_update").asBoolean(), instant(n, "installed_at"),
                instant(n, "updated_at"), instant(n, "last_used_at"), n.path("reinstalls").asLong(),
                n.path("updates").asLong(), optional(n, "latest_version"), n.path("skill_installs").asLong());
    }

    /** A version as listed, or the version part of a manifest. */
    static VersionInfo version(JsonNode n) {
        return new VersionInfo(text(n, "version"), text(n, "content_digest"), text(n, "archive_digest"),
                n.path("size").asLong(), n.path("file_count").asInt(), instant(n, "published_at"),
                optional(n, "published_by"), n.path("yanked").asBoolean());
    }

    static VersionDetails manifest(JsonNode n, String body) {
        List<VersionDetails.FileEntry> files = new ArrayList<>();
        n.path("files").forEach(f -> files.add(new VersionDetails.FileEntry(text(f, "path"), f.path("size").asLong(),
                text(f, "digest"), f.path("executable").asBoolean())));
        return new VersionDetails(new SkillRef(text(n, "namespace"), text(n, "name")), version(n),
                n.path("frontmatter").toString(), body, optional(n, "changelog"), files);
    }

    static SkillSummary summary(JsonNode n) {
        return new SkillSummary(new SkillRef(text(n, "namespace"), text(n, "name")), text(n, "title"),
                text(n, "description"), text(n, "taxonomy_path"), text(n, "status"), optional(n, "latest_version"),
                strings(n.get("tags")), n.path("installs").asLong(), instant(n, "created_at"),
                instant(n, "updated_at"), rating(n.path("rating")));
    }

    static SearchHit hit(JsonNode n) {
        return new SearchHit(summary(n), n.path("score").asDouble());
    }

    static MatchHit match(JsonNode n) {
        java.util.Map<String, List<String>> reason = new java.util.LinkedHashMap<>();
        n.path("reason").properties().forEach(e -> reason.put(e.getKey(), strings(e.getValue())));
        return new MatchHit(summary(n), n.path("score").asDouble(), reason);
    }

    static <T> Page<T> page(JsonNode n, Function<JsonNode, T> item) {
        List<T> items = new ArrayList<>();
        n.path("items").forEach(i -> items.add(item.apply(i)));
        return new Page<>(items, n.path("total").asLong(), n.path("limit").asInt(), n.path("offset").asInt());
    }

    static RegistryStats stats(JsonNode n) {
        return new RegistryStats(n.path("skills").asLong(), n.path("versions").asLong(),
                n.path("namespaces").asLong(), n.path("categories").asLong(), n.path("tags").asLong(),
                n.path("blobs").asLong(), n.path("blob_bytes").asLong(), n.path("installs").asLong());
    }

    static List<VersionInfo> versions(JsonNode n) {
        List<VersionInfo> versions = new ArrayList<>();
        n.path("items").forEach(v -> versions.add(version(v)));
        return versions;
    }

    /** A bulk-suggest answer, its results in the order of {@code asked} (the server answers in that order). */
    static List<PackageSuggestions> suggestions(JsonNode n, List<PackageQuery> asked) {
        List<PackageSuggestions> result = new ArrayList<>();
        JsonNode results = n.path("results");
        for (int i = 0; i < asked.size(); i++) {
            List<SuggestedSkill> skills = new ArrayList<>();
            for (JsonNode s : results.path(i).path("skills")) {
                skills.add(new SuggestedSkill(new SkillRef(text(s, "namespace"), text(s, "name")), text(s, "title"),
                        text(s, "description"), optional(s, "latest_version"), s.path("installs").asLong(),
                        PackageId.parse(text(s, "package")), s.path("confidence").asDouble(), text(s, "source"),
                        text(s, "reason")));
            }
            result.add(new PackageSuggestions(asked.get(i), skills));
        }
        return result;
    }

    private static String text(JsonNode n, String field) {
        return optional(n, field).orElse("");
    }

    private static Optional<String> optional(JsonNode n, String field) {
        JsonNode value = n.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asString());
    }

    private static Instant instant(JsonNode n, String field) {
        return optional(n, field).map(Instant::parse).orElse(Instant.EPOCH);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asString()));
        }
        return values;
    }
}
