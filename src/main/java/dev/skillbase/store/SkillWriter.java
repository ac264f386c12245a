package dev.skillbase.store;

import dev.skillbase.audit.AuditEntry;
import dev.skillbase.audit.AuditLog;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.VersionConflictException;
import dev.skillbase.registry.VersionInfo;
import dev.skillbase.skill.Version;
import dev.skillbase.suggest.PackageInference;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Publishes versions: one transaction per version that creates the namespace and skill when missing, replaces the
 * skill's metadata and tags, stores each blob once, records the version and its files, moves {@code latest} and
 * re-indexes the skill for search and infers its package mappings again (manual ones stay). Thread-safe.
 */
public final class SkillWriter {
    private final Database database;
    private final SearchIndexer indexer;
    private final Clock clock;
    private static final String SAVEPOINT = "publish_one";

    public SkillWriter(Database database, SearchIndexer indexer, Clock clock) {
        this.database = database;
        this.indexer = indexer;
        this.clock = clock;
    }

    /** The stored version and whether this call created it. */
    public record Published(boolean created, VersionInfo info) {
    }

    /**
     * @throws VersionConflictException when the version exists with another content digest (nothing is written)
     * @throws dev.skillbase.skill.InvalidVersionException when the version is not semver
     */
    public Published publish(NewVersion version) {
        Version.parse(version.version()); // before the transaction: a bad version opens none
        return database.write("publishing " + version.label(), handle -> publishIn(handle, version));
    }

    /** What became of one version of {@link #publishAll}: it was published, or it failed and left nothing. */
    public record Attempt(Optional<Published> published, Optional<RuntimeException> failure) {
    }

    /**
     * Publishes {@code versions} in order, in one transaction, each inside its own savepoint: a version that fails
     * (a conflict, a bad version, a failing statement) is rolled back to its savepoint alone and reported, and the
     * others are committed together at the end. One commit for many versions is what makes a large push fast on
     * SQLite, whose single writer otherwise spends most of its time committing.
     *
     * @return one attempt per version, in order
     * @throws StoreException (or a subclass) when the transaction itself fails (a savepoint cannot be rolled back,
     *     the commit fails): then nothing of the batch is written
     */
    public List<Attempt> publishAll(List<NewVersion> versions) {
        if (versions.isEmpty()) {
            return List.of();
        }
        return database.write("publishing " + versions.size() + " versions starting with "
                + versions.getFirst().label(), handle -> {
            List<Attempt> attempts = new ArrayList<>(versions.size());
            for (NewVersion version : versions) {
                attempts.add(attemptIn(handle, version));
            }
            return attempts;
        });
    }

    private Attempt attemptIn(Handle handle, NewVersion version) {
        handle.savepoint(SAVEPOINT);
        try {
            Published published = publishIn(handle, version);
            handle.releaseSavepoint(SAVEPOINT);
            return new Attempt(Optional.of(published), Optional.empty());
        } catch (RuntimeException failure) {
            try {
                // Jdbi forgets the savepoint here; the database keeps it (empty) until the commit
                handle.rollbackToSavepoint(SAVEPOINT);
            } catch (RuntimeException undo) {
                undo.addSuppressed(failure);
                throw undo;
            }
            RuntimeException reported = failure instanceof JdbiException jdbi
                    ? database.translate("publishing " + version.label(), jdbi) : failure;
            return new Attempt(Optional.empty(), Optional.of(reported));
        }
    }

    private Published publishIn(Handle handle, NewVersion version) {
        Version order = Version.parse(version.version());
        SkillRef ref = new SkillRef(version.namespace(), version.name());
        database.dialect().lockSkill(handle, ref.toString());
        Optional<StoredVersion> existing = VersionRows.find(handle, ref, version.version());
        if (existing.isPresent()) {
            return unchanged(version, ref, existing.get());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long namespaceId = ensureNamespace(handle, version.namespace(), now);
        SkillRow skill = upsertSkill(handle, namespaceId, version, now);
        UUID skillId = skill.id();
        List<String> digests = storeBlobs(handle, version);
        long versionId = insertVersion(handle, skillId, version, order, now);
        insertFiles(handle, versionId, version.files(), digests);
        TagRows.replace(handle, skillId, version.tags());
        raiseLatest(handle, skill, version.version(), order);
        indexer.index(handle, skillId, new SearchDocument(version.name(), version.title(), version.tags(),
                version.description(), version.body()));
        MappingRows.infer(handle, skillId, PackageInference.standard(), version.name(), version.tags(),
                version.description(), version.frontmatterJson());
        AuditLog.append(handle, AuditEntry.skill("skill.publish", ref, Map.of("version", version.version(),
                "content_digest", version.contentDigest())));
        // what was just inserted, as VersionRows would read it back (the instant is already whole milliseconds)
        return new Published(true, new VersionInfo(version.version(), version.contentDigest(),
                version.archiveDigest(), version.size(), version.files().size(), now, version.publishedBy(),
                false));
    }

    private static Published unchanged(NewVersion version, SkillRef ref, StoredVersion existing) {
        if (!existing.info().contentDigest().equals(version.contentDigest())) {
            throw new VersionConflictException(ref, version.version(), existing.info().contentDigest(),
                    version.contentDigest());
        }
        return new Published(false, existing.info());
    }

    private static long ensureNamespace(Handle handle, String name, Instant now) {
        Optional<Long> existing = namespaceId(handle, name); // almost always there: one statement, not two
        if (existing.isPresent()) {
            return existing.get();
        }
        handle.createUpdate("INSERT INTO namespaces (name, created_at) VALUES (:name, :now) ON CONFLICT (name) DO NOTHING")
                .bind("name", name).bind("now", now).execute();
        return namespaceId(handle, name).orElseThrow();
    }

    private static Optional<Long> namespaceId(Handle handle, String name) {
        return handle.createQuery("SELECT id FROM namespaces WHERE name = :name")
                .bind("name", name).mapTo(Long.class).findOne();
    }

    /** The skill's id and its latest version before this publication. */
    private record SkillRow(UUID id, Optional<String> latest) {
    }

    private static SkillRow upsertSkill(Handle handle, long namespaceId, NewVersion v, Instant now) {
        return handle.createQuery("""
                INSERT INTO skills (id, namespace_id, name, title, description, taxonomy_path, license, source_url,
                                    created_at, updated_at)
                VALUES (:id, :namespaceId, :name, :title, :description, :taxonomy, :license, :source, :now, :now)
                ON CONFLICT (namespace_id, name) DO UPDATE SET
                    title = excluded.title, description = excluded.description,
                    taxonomy_path = excluded.taxonomy_path, license = excluded.license,
                    source_url = excluded.source_url, updated_at = excluded.updated_at,
                    status = CASE WHEN skills.status = 'draft' THEN 'active' ELSE skills.status END
                RETURNING id, latest_version""")
                .bind("id", UUID.randomUUID())
                .bind("namespaceId", namespaceId)
                .bind("name", v.name())
                .bind("title", v.title())
                .bind("description", v.description())
                .bind("taxonomy", v.taxonomyPath())
                .bind("license", v.license().orElse(null))
                .bind("source", v.sourceUrl().orElse(null))
                .bind("now", now)
                .map((rs, ctx) -> new SkillRow(Columns.uuid(rs, "id", ctx), Columns.optional(rs, "latest_version")))
                .one();
    }

    /**
     * {@code latest} after publishing a version that is not yanked: the higher of it and the latest before (which
     * is, by {@link #updateLatest}'s rule, the highest version not yanked), without reading every version.
     */
    private static void raiseLatest(Handle handle, SkillRow skill, String version, Version order) {
        if (skill.latest().isPresent() && Version.parse(skill.latest().get()).compareTo(order) >= 0) {
            return;
        }
        handle.createUpdate("UPDATE skills SET latest_version = :latest WHERE id = :skillId")
                .bind("latest", version)
                .bind("skillId", skill.id())
                .execute();
    }

    /**
     * Stores the files' and the archive's bytes once each, in digest order so that concurrent publishers sharing
     * blobs cannot deadlock; returns the digest of each file, in file order.
     */
    private static List<String> storeBlobs(Handle handle, NewVersion version) {
        Map<String, byte[]> blobs = new TreeMap<>();
        List<String> digests = new ArrayList<>();
        for (NewFile file : version.files()) {
            String digest = file.digest();
            digests.add(digest);
            blobs.put(digest, file.content());
        }
        blobs.put(version.archiveDigest(), version.archive());
        PreparedBatch batch = handle.prepareBatch(
                "INSERT INTO blobs (digest, size, content) VALUES (:digest, :size, :content) ON CONFLICT (digest) DO NOTHING");
        blobs.forEach((digest, content) ->
                batch.bind("digest", digest).bind("size", (long) content.length).bind("content", content).add());
        batch.execute();
        return digests;
    }

    private long insertVersion(Handle handle, UUID skillId, NewVersion v, Version order, Instant now) {
        return handle.createQuery("""
                INSERT INTO skill_versions (skill_id, version, major, minor, patch, prerelease, frontmatter, body,
                    content_digest, archive_digest, size, file_count, changelog, published_by, published_at)
                VALUES (:skillId, :version, :major, :minor, :patch, :prerelease, %s, :body,
                    :contentDigest, :archiveDigest, :size, :fileCount, :changelog, :publishedBy, :now)
                RETURNING id""".formatted(database.dialect().json("frontmatter")))
                .bind("skillId", skillId)
                .bind("version", v.version())
                .bind("major", order.major())
                .bind("minor", order.minor())
                .bind("patch", order.patch())
                .bind("prerelease", order.isPreRelease() ? order.preRelease() : null)
                .bind("frontmatter", v.frontmatterJson())
                .bind("body", v.body())
                .bind("contentDigest", v.contentDigest())
                .bind("archiveDigest", v.archiveDigest())
                .bind("size", v.size())
                .bind("fileCount", v.files().size())
                .bind("changelog", v.changelog().orElse(null))
                .bind("publishedBy", v.publishedBy().orElse(null))
                .bind("now", now)
                .mapTo(Long.class)
                .one();
    }

    private static void insertFiles(Handle handle, long versionId, List<NewFile> files, List<String> digests) {
        var batch = handle.prepareBatch("""
                INSERT INTO version_files (version_id, path, blob_digest, executable)
                VALUES (:versionId, :path, :digest, :executable)""");
        for (int i = 0; i < files.size(); i++) {
            NewFile file = files.get(i);
            batch.bind("versionId", versionId).bind("path", file.path()).bind("digest", digests.get(i))
                    .bind("executable", file.executable()).add();
        }
        if (!files.isEmpty()) {
            batch.execute();
        }
    }

    static void updateLatest(Handle handle, UUID skillId) {
        Optional<String> latest = handle.createQuery(
                        "SELECT version FROM skill_versions WHERE skill_id = :skillId AND yanked = :yanked")
                .bind("skillId", skillId)
                .bind("yanked", false)
                .mapTo(String.class)
                .stream()
                .max(Comparator.comparing(Version::parse));
        handle.createUpdate("UPDATE skills SET latest_version = :latest WHERE id = :skillId")
                .bind("latest", latest.orElse(null))
                .bind("skillId", skillId)
                .execute();
    }
}
