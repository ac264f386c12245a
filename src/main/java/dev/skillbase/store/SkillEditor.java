package dev.skillbase.store;

import dev.skillbase.audit.AuditEntry;
import dev.skillbase.audit.AuditLog;
import dev.skillbase.registry.NewSkill;
import dev.skillbase.registry.NoSuchSkillException;
import dev.skillbase.registry.NoSuchVersionException;
import dev.skillbase.registry.SkillExistsException;
import dev.skillbase.registry.SkillPatch;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.VersionInfo;
import dev.skillbase.registry.VersionYankedException;
import dev.skillbase.suggest.PackageInference;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Changes to skill records apart from publishing: create a record, patch it, yank and unyank versions (moving
 * {@code latest}), and version tags. Each change is one transaction. Thread-safe.
 *
 * <p>Yanking: {@code latest} always names the highest version not yanked (none when every version is yanked) and
 * moves back on unyank. A tag set by hand keeps pointing at its version when that version is yanked, but it does not
 * resolve while the version stays yanked ({@link #versionTags} leaves it out, {@link #yankedVersionTags} lists it);
 * it resolves again on unyank. A yanked version itself stays readable and downloadable by its exact number.
 */
public final class SkillEditor {
    private final Database database;
    private final SearchIndexer indexer;
    private final Clock clock;

    public SkillEditor(Database database, SearchIndexer indexer, Clock clock) {
        this.database = database;
        this.indexer = indexer;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Creates a skill without versions; creates the namespace (without an owner) when missing.
     *
     * @throws SkillExistsException when the namespace already has a skill of this name
     */
    public void create(NewSkill skill) {
        database.write("creating skill " + skill.ref(), handle -> {
            Instant now = now();
            handle.createUpdate("INSERT INTO namespaces (name, created_at) VALUES (:name, :now) "
                    + "ON CONFLICT (name) DO NOTHING").bind("name", skill.ref().namespace()).bind("now", now).execute();
            UUID id = UUID.randomUUID();
            int inserted = handle.createUpdate("""
                            INSERT INTO skills (id, namespace_id, name, title, description, taxonomy_path, visibility,
                                                repo, homepage, status, created_at, updated_at)
                            SELECT :id, n.id, :name, :title, :description, :taxonomy, :visibility, :repo, :homepage,
                                   'draft', :now, :now
                            FROM namespaces n WHERE n.name = :namespace
                            ON CONFLICT (namespace_id, name) DO NOTHING""")
                    .bind("id", id)
                    .bind("namespace", skill.ref().namespace())
                    .bind("name", skill.ref().name())
                    .bind("title", skill.title().orElse(skill.ref().name()))
                    .bind("description", skill.description().orElse(""))
                    .bind("taxonomy", skill.taxonomyPath())
                    .bind("visibility", skill.visibility())
                    .bind("repo", skill.repo().orElse(null))
                    .bind("homepage", skill.homepage().orElse(null))
                    .bind("now", now)
                    .execute();
            if (inserted == 0) {
                throw new SkillExistsException(skill.ref());
            }
            TagRows.replace(handle, id, skill.tags());
            reindex(handle, id, true);
            AuditLog.append(handle, AuditEntry.skill("skill.create", skill.ref(),
                    Map.of("visibility", skill.visibility())));
            return null;
        });
    }

    /** @throws NoSuchSkillException when the skill does not exist */
    public void update(SkillRef ref, SkillPatch patch) {
        database.write("updating skill " + ref, handle -> {
            UUID id = skillId(handle, ref);
            Map<String, Object> before = handle.createQuery("SELECT status, visibility FROM skills WHERE id = :id")
                    .bind("id", id).mapToMap().one();
            Map<String, Object> columns = new LinkedHashMap<>();
            patch.title().ifPresent(v -> columns.put("title", v.isEmpty() ? ref.name() : v));
            patch.taxonomyPath().ifPresent(v -> columns.put("taxonomy_path", v));
            patch.status().ifPresent(v -> columns.put("status", v));
            patch.visibility().ifPresent(v -> columns.put("visibility", v));
            patch.repo().ifPresent(v -> columns.put("repo", v.isEmpty() ? null : v));
            patch.homepage().ifPresent(v -> columns.put("homepage", v.isEmpty() ? null : v));
            columns.put("updated_at", now());
            StringBuilder sql = new StringBuilder("UPDATE skills SET ");
            columns.keySet().forEach(column -> sql.append(column).append(" = :").append(column).append(", "));
            sql.setLength(sql.length() - 2);
            var update = handle.createUpdate(sql + " WHERE id = :id").bind("id", id);
            columns.forEach(update::bind);
            update.execute();
            patch.tags().ifPresent(tags -> TagRows.replace(handle, id, tags));
            reindex(handle, id, patch.tags().isPresent());
            SkillAudit.updated(handle, ref, patch, before, columns.keySet());
            return null;
        });
    }

    /**
     * Marks a version yanked (or not) and moves {@code latest} to the highest version not yanked.
     *
     * @return the version as it is now
     */
    public VersionInfo yank(SkillRef ref, String version, boolean yanked) {
        return database.write((yanked ? "yanking " : "unyanking ") + ref + "@" + version, handle -> {
            StoredVersion stored = VersionRows.find(handle, ref, version)
                    .orElseThrow(() -> missing(handle, ref, version));
            if (stored.info().yanked() != yanked) {
                AuditLog.append(handle, AuditEntry.skill(yanked ? "version.yank" : "version.unyank", ref,
                        Map.of("version", version)));
            }
            handle.createUpdate("UPDATE skill_versions SET yanked = :yanked WHERE id = :id")
                    .bind("yanked", yanked).bind("id", stored.id()).execute();
            handle.createUpdate("UPDATE skills SET updated_at = :now WHERE id = :id")
                    .bind("now", now()).bind("id", stored.skillId()).execute();
            SkillWriter.updateLatest(handle, stored.skillId());
            return VersionRows.find(handle, ref, version).orElseThrow().info();
        });
    }

    /**
     * The tags that resolve: {@code latest} (when the skill has a version not yanked) first, then the ones set by hand
     * whose version is not yanked. A tag set by hand on a version that was yanked since is kept but does not resolve
     * until the version is unyanked (see {@link #yankedVersionTags}).
     */
    public Map<String, String> versionTags(SkillRef ref) {
        return database.read("reading the tags of " + ref, handle -> {
            UUID id = skillId(handle, ref);
            Map<String, String> tags = new LinkedHashMap<>();
            handle.createQuery("SELECT latest_version FROM skills WHERE id = :id").bind("id", id)
                    .mapTo(String.class).findOne().ifPresent(latest -> tags.put("latest", latest));
            tags.putAll(handTags(handle, id, false));
            return tags;
        });
    }

    /** The tags set by hand on versions yanked since: kept, but resolving again only once the version is unyanked. */
    public Map<String, String> yankedVersionTags(SkillRef ref) {
        return database.read("reading the tags of " + ref, handle -> handTags(handle, skillId(handle, ref), true));
    }

    private static Map<String, String> handTags(Handle handle, UUID id, boolean yanked) {
        Map<String, String> tags = new LinkedHashMap<>();
        handle.createQuery("""
                        SELECT t.tag, t.version FROM version_tags t
                        JOIN skill_versions v ON v.skill_id = t.skill_id AND v.version = t.version
                        WHERE t.skill_id = :id AND v.yanked = :yanked ORDER BY t.tag""")
                .bind("id", id).bind("yanked", yanked)
                .map((rs, ctx) -> Map.entry(rs.getString("tag"), rs.getString("version")))
                .forEach(e -> tags.put(e.getKey(), e.getValue()));
        return tags;
    }

    /**
     * Points {@code tag} (never {@code latest}) at an existing version that is not yanked.
     *
     * @throws VersionYankedException when the version is yanked (nothing changes)
     */
    public void setVersionTag(SkillRef ref, String tag, String version) {
        database.write("tagging " + ref + "@" + version + " as " + tag, handle -> {
            StoredVersion stored = VersionRows.find(handle, ref, version)
                    .orElseThrow(() -> missing(handle, ref, version));
            if (stored.info().yanked()) {
                throw new VersionYankedException(ref, version, "tagging it " + tag);
            }
            handle.createUpdate("""
                            INSERT INTO version_tags (skill_id, tag, version, updated_at)
                            VALUES (:id, :tag, :version, :now)
                            ON CONFLICT (skill_id, tag) DO UPDATE SET version = excluded.version,
                                                                      updated_at = excluded.updated_at""")
                    .bind("id", stored.skillId()).bind("tag", tag).bind("version", version).bind("now", now())
                    .execute();
            AuditLog.append(handle, AuditEntry.skill("version_tag.set", ref, Map.of("tag", tag, "version", version)));
            return null;
        });
    }

    /** @return whether the tag existed */
    public boolean removeVersionTag(SkillRef ref, String tag) {
        return database.write("removing tag " + tag + " of " + ref, handle -> {
            boolean removed = handle.createUpdate("DELETE FROM version_tags WHERE skill_id = :id AND tag = :tag")
                    .bind("id", skillId(handle, ref)).bind("tag", tag).execute() > 0;
            if (removed) {
                AuditLog.append(handle, AuditEntry.skill("version_tag.remove", ref, Map.of("tag", tag)));
            }
            return removed;
        });
    }

    private static UUID skillId(Handle handle, SkillRef ref) {
        return handle.createQuery("""
                        SELECT s.id FROM skills s JOIN namespaces n ON n.id = s.namespace_id
                        WHERE n.name = :namespace AND s.name = :name""")
                .bind("namespace", ref.namespace()).bind("name", ref.name())
                .mapTo(UUID.class).findOne().orElseThrow(() -> new NoSuchSkillException(ref));
    }

    private static RuntimeException missing(Handle handle, SkillRef ref, String version) {
        skillId(handle, ref);
        return new NoSuchVersionException(ref, version);
    }

    /**
     * Indexes the skill for search again, and when its tags changed ({@code tagsChanged}) infers its package mappings
     * again too (tags name frameworks; manual mappings stay).
     */
    private void reindex(Handle handle, UUID id, boolean tagsChanged) {
        Latest row = handle.createQuery("""
                        SELECT s.name, s.title, s.description, v.body, v.frontmatter
                        FROM skills s
                        LEFT JOIN skill_versions v ON v.skill_id = s.id AND v.version = s.latest_version
                        WHERE s.id = :id""")
                .bind("id", id)
                .map((rs, ctx) -> new Latest(rs.getString("name"), rs.getString("title"), rs.getString("description"),
                        Optional.ofNullable(rs.getString("body")).orElse(""),
                        Optional.ofNullable(rs.getString("frontmatter")).orElse("{}")))
                .one();
        List<String> tags = TagRows.of(handle, List.of(id)).getOrDefault(id, List.of());
        indexer.index(handle, id, new SearchDocument(row.name(), row.title(), tags, row.description(), row.body()));
        if (tagsChanged) {
            MappingRows.infer(handle, id, PackageInference.standard(), row.name(), tags, row.description(),
                    row.frontmatter());
        }
    }

    /** What indexing and inference read of a skill and its latest version (body and frontmatter empty without one). */
    private record Latest(String name, String title, String description, String body, String frontmatter) {
    }
}
