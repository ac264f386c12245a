package dev.skillbase.registry;

import dev.skillbase.account.Accounts;
import dev.skillbase.search.FullTextSearch;
import dev.skillbase.store.CatalogReader;
import dev.skillbase.store.SkillEditor;
import dev.skillbase.store.Database;
import dev.skillbase.store.DatabaseUrl;
import dev.skillbase.store.NewVersion;
import dev.skillbase.store.SkillHeads;
import dev.skillbase.store.SkillLister;
import dev.skillbase.store.SkillReader;
import dev.skillbase.store.SkillWriter;
import dev.skillbase.store.StatsReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry in process, over a local SQLite file or a PostgreSQL database. Open it with {@link #open(String)}
 * (a {@code --db} value) or {@link #open(DatabaseUrl)}; close it once. Thread-safe.
 */
public final class LocalRegistry implements Registry {
    private final Database database;
    private final SkillReader reader;
    private final SkillWriter writer;
    private final SkillLister lister;
    private final FullTextSearch search;
    private final StatsReader stats;
    private final SkillEditor editor;
    private final CatalogReader catalog;
    private final Accounts accounts;
    private final SkillHeads heads;

    private LocalRegistry(Database database, Clock clock) {
        this.database = database;
        this.reader = new SkillReader(database);
        this.search = FullTextSearch.of(database);
        this.writer = new SkillWriter(database, search, clock);
        this.lister = new SkillLister(database);
        this.stats = new StatsReader(database);
        this.editor = new SkillEditor(database, search, clock);
        this.catalog = new CatalogReader(database);
        this.accounts = new Accounts(database, clock);
        this.heads = new SkillHeads(database);
    }

    /**
     * Opens the database a {@code --db} value names, migrating its schema.
     *
     * @throws dev.skillbase.store.InvalidDatabaseUrlException when the value is malformed
     * @throws dev.skillbase.store.DatabaseUnavailableException when the database cannot be reached or written
     */
    public static LocalRegistry open(String dbUrl) {
        return open(DatabaseUrl.parse(dbUrl));
    }

    public static LocalRegistry open(DatabaseUrl url) {
        return open(url, Clock.systemUTC());
    }

    /** As {@link #open(DatabaseUrl)}, with the clock that stamps publications (for tests). */
    public static LocalRegistry open(DatabaseUrl url, Clock clock) {
        return new LocalRegistry(Database.open(url), clock);
    }

    /** Where this registry's database lives. */
    public DatabaseUrl url() {
        return database.url();
    }

    /** Users, namespaces and tokens in this registry's database. */
    public Accounts accounts() {
        return accounts;
    }

    @Override
    public Optional<SkillDetails> skill(SkillRef ref) {
        return reader.skill(ref);
    }

    /** The skill, when {@code viewer} may read it; its versions, files and archive follow the same rule. */
    public Optional<SkillDetails> skill(SkillRef ref, Viewer viewer) {
        return reader.skill(ref, viewer);
    }

    public List<VersionInfo> versions(SkillRef ref, Viewer viewer) {
        return readable(ref, viewer) ? versions(ref) : List.of();
    }

    public Optional<VersionDetails> version(SkillRef ref, String version, Viewer viewer) {
        return readable(ref, viewer) ? version(ref, version) : Optional.empty();
    }

    public Optional<byte[]> file(SkillRef ref, String version, String path, Viewer viewer) {
        return readable(ref, viewer) ? file(ref, version, path) : Optional.empty();
    }

    private boolean readable(SkillRef ref, Viewer viewer) {
        return viewer.kind() == Viewer.Kind.EVERYTHING || reader.skill(ref, viewer).isPresent();
    }

    /** Creates a skill record without versions (status draft until its first version). */
    public void create(NewSkill skill) {
        editor.create(skill);
    }

    public void update(SkillRef ref, SkillPatch patch) {
        editor.update(ref, patch);
    }

    /** Yanks or unyanks a version; {@code latest} moves to the highest version not yanked. */
    public VersionInfo yank(SkillRef ref, String version, boolean yanked) {
        return editor.yank(ref, version, yanked);
    }

    @Override
    public Map<String, String> versionTags(SkillRef ref) {
        return editor.versionTags(ref);
    }

    public void setVersionTag(SkillRef ref, String tag, String version) {
        editor.setVersionTag(ref, tag, version);
    }

    public boolean removeVersionTag(SkillRef ref, String tag) {
        return editor.removeVersionTag(ref, tag);
    }

    public List<TagCount> tags(Viewer viewer) {
        return catalog.tags(viewer);
    }

    public List<Category> categories(Viewer viewer) {
        return catalog.categories(viewer);
    }

    @Override
    public List<VersionInfo> versions(SkillRef ref) {
        return reader.versions(ref);
    }

    /** One query per namespace among {@code refs}, rather than several per skill. */
    @Override
    public Map<SkillRef, PublishedSkill> published(Collection<SkillRef> refs) {
        Set<SkillRef> wanted = new HashSet<>(refs);
        Map<SkillRef, PublishedSkill> published = new HashMap<>();
        wanted.stream().map(SkillRef::namespace).distinct().forEach(namespace -> reader.published(namespace)
                .forEach((ref, skill) -> {
                    if (wanted.contains(ref)) {
                        published.put(ref, skill);
                    }
                }));
        return published;
    }

    @Override
    public Optional<VersionDetails> version(SkillRef ref, String version) {
        return reader.version(ref, version);
    }

    @Override
    public Optional<byte[]> file(SkillRef ref, String version, String path) {
        return reader.file(ref, version, path);
    }

    @Override
    public Optional<byte[]> archive(SkillRef ref, String version) {
        return reader.archive(ref, version);
    }

    @Override
    public List<SkillHead> heads(String namespace) {
        return heads.heads(namespace, Viewer.EVERYTHING);
    }

    /** The heads of the skills of {@code namespace} that {@code viewer} may read. */
    public List<SkillHead> heads(String namespace, Viewer viewer) {
        return heads.heads(namespace, viewer);
    }

    @Override
    public void archiveSkill(SkillRef ref) {
        editor.update(ref, new SkillPatch(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("archived"),
                Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        return publish(PublishMapping.toNewVersion(request));
    }

    /** Publishes a version given as plain values (what {@link #publish(PublishRequest)} maps its request to). */
    public PublishResult publish(NewVersion version) {
        return result(version, writer.publish(version));
    }

    /**
     * All the requests in one transaction, each in its own savepoint (see {@link SkillWriter#publishAll}): a failing
     * request is rolled back alone, and the others are committed together at the end.
     */
    @Override
    public List<PublishAttempt> publishAll(List<PublishRequest> requests) {
        return publishVersions(requests.stream().map(PublishMapping::toNewVersion).toList());
    }

    /** {@link #publishAll} of versions given as plain values. */
    public List<PublishAttempt> publishVersions(List<NewVersion> versions) {
        List<SkillWriter.Attempt> attempts = writer.publishAll(versions);
        List<PublishAttempt> results = new ArrayList<>(attempts.size());
        for (int i = 0; i < attempts.size(); i++) {
            SkillWriter.Attempt attempt = attempts.get(i);
            NewVersion version = versions.get(i);
            results.add(attempt.published().map(published -> PublishAttempt.published(result(version, published)))
                    .orElseGet(() -> PublishAttempt.failed(attempt.failure().orElseThrow())));
        }
        return results;
    }

    private static PublishResult result(NewVersion version, SkillWriter.Published published) {
        return new PublishResult(new SkillRef(version.namespace(), version.name()), version.version(),
                published.created() ? PublishResult.Outcome.CREATED : PublishResult.Outcome.UNCHANGED,
                published.info());
    }

    @Override
    public Page<SkillSummary> list(SkillQuery query) {
        return lister.list(query);
    }

    @Override
    public Page<SearchHit> search(String text, SkillQuery query) {
        return search.search(text, query);
    }

    @Override
    public RegistryStats stats() {
        return stats.stats();
    }

    /** The figures of the skills {@code viewer} may list (everything for {@link Viewer#EVERYTHING}). */
    public RegistryStats stats(Viewer viewer) {
        return stats.stats(viewer);
    }

    @Override
    public void close() {
        database.close();
    }
}
