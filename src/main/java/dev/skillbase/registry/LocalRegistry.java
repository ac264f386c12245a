package dev.skillbase.registry;

import dev.skillbase.account.Accounts;
import dev.skillbase.audit.AuditLog;
import dev.skillbase.exec.Execution;
import dev.skillbase.search.BackgroundEmbedding;
import dev.skillbase.search.FullTextSearch;
import dev.skillbase.search.MatchReason;
import dev.skillbase.search.MatchTerms;
import dev.skillbase.search.MatchVectors;
import dev.skillbase.search.SemanticMatch;
import dev.skillbase.search.SentenceEmbedder;
import dev.skillbase.store.AnalyticsStore;
import dev.skillbase.store.CatalogReader;
import dev.skillbase.store.SkillChanges;
import dev.skillbase.store.SkillEditor;
import dev.skillbase.store.Database;
import dev.skillbase.store.DatabaseUrl;
import dev.skillbase.store.DiscoveryReader;
import dev.skillbase.store.ExecutionStore;
import dev.skillbase.store.InstallationStore;
import dev.skillbase.store.MappingStore;
import dev.skillbase.store.PreferenceStore;
import dev.skillbase.store.ReviewStore;
import dev.skillbase.store.SearchIndexer;
import dev.skillbase.store.NewVersion;
import dev.skillbase.store.SkillHeads;
import dev.skillbase.store.SkillLister;
import dev.skillbase.store.SkillReader;
import dev.skillbase.store.SkillWriter;
import dev.skillbase.store.StatsReader;
import dev.skillbase.suggest.PackageId;
import dev.skillbase.suggest.PackageInference;
import dev.skillbase.suggest.PackageQuery;
import dev.skillbase.suggest.PackageSuggestions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

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
    private final DiscoveryReader discovery;
    private final SkillChanges changes;
    private final Installations installations;
    private final MappingStore mappings;
    private final AnalyticsStore analytics;
    private final ExecutionStore executions;
    private final Reviews reviews;
    private final AuditLog audit;
    private final TaskMatcher matcher;
    private final Optional<BackgroundEmbedding> embedding;
    private final List<Consumer<SkillRef>> changeListeners = new CopyOnWriteArrayList<>();

    private LocalRegistry(Database database, Clock clock, MatchVectors vectors) {
        this.database = database;
        this.reader = new SkillReader(database);
        this.search = FullTextSearch.of(database);
        // every write keeps skill vectors current, whoever computes them
        SearchIndexer indexer = search.andThen(SemanticMatch.staleVectors());
        this.writer = new SkillWriter(database, indexer, clock);
        this.lister = new SkillLister(database);
        this.stats = new StatsReader(database);
        this.editor = new SkillEditor(database, indexer, clock);
        this.catalog = new CatalogReader(database);
        this.accounts = new Accounts(database, clock);
        this.heads = new SkillHeads(database);
        this.discovery = new DiscoveryReader(database);
        this.changes = new SkillChanges(database);
        this.mappings = new MappingStore(database, PackageInference.standard());
        this.analytics = new AnalyticsStore(database);
        this.executions = new ExecutionStore(database);
        this.installations = new Installations(new InstallationStore(database, clock),
                new PreferenceStore(database, clock), this::changed);
        this.reviews = new Reviews(new ReviewStore(database, clock), this::changed);
        this.audit = new AuditLog(database);
        Optional<SemanticMatch> semantic = switch (vectors) {
            case OFF -> Optional.empty();
            case ON_MATCH -> Optional.of(new SemanticMatch(database,
                    new SentenceEmbedder(Runtime.getRuntime().availableProcessors()), clock, true));
            // one thread: the other cores keep serving requests while a push's skills are embedded
            case IN_BACKGROUND -> Optional.of(new SemanticMatch(database, new SentenceEmbedder(1), clock, false));
        };
        this.matcher = new TaskMatcher(search, semantic);
        this.embedding = semantic.filter(s -> vectors == MatchVectors.IN_BACKGROUND).map(BackgroundEmbedding::new);
        embedding.ifPresent(background -> changeListeners.add(ref -> background.changed()));
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
        return open(url, clock, MatchVectors.OFF);
    }

    /**
     * As {@link #open(DatabaseUrl, Clock)}, matching tasks with sentence vectors as {@code vectors} says (keywords
     * alone by the other {@code open}s: loading the model takes about 2 s).
     */
    public static LocalRegistry open(DatabaseUrl url, Clock clock, MatchVectors vectors) {
        return new LocalRegistry(Database.open(url), clock, vectors);
    }

    /** Where this registry's database lives. */
    public DatabaseUrl url() {
        return database.url();
    }

    /** Users, namespaces and tokens in this registry's database. */
    public Accounts accounts() {
        return accounts;
    }

    /** What the discovery indexes list, read in a bounded number of queries. */
    public DiscoveryReader discovery() {
        return discovery;
    }

    /** Users' installations and preferences; a change to an installation counts as a change to its skill. */
    public Installations installations() {
        return installations;
    }

    /** The log of skill runs and each skill's use figures. */
    public ExecutionStore executions() {
        return executions;
    }

    /**
     * Records a run: its row, the skill's figures and its audit entry in one transaction; then the skill counts as
     * changed (its cached answers show the new figures).
     */
    public void recordExecution(Execution run) {
        executions.record(run);
        changed(run.skill());
    }

    /** Users' reviews of skills; a change to a review counts as a change to its skill (its rating). */
    public Reviews reviews() {
        return reviews;
    }

    /** The audit log of this registry's database: read here, appended to by each change in its transaction. */
    public AuditLog audit() {
        return audit;
    }

    /** Package-to-skill mappings: suggestions for packages, manual mappings, the rebuild of inferred ones. */
    public MappingStore mappings() {
        return mappings;
    }

    /** Analytics events and their daily counts. */
    public AnalyticsStore analytics() {
        return analytics;
    }

    /** Suggestions for the database's owner: every active skill (see {@link MappingStore#suggest}). */
    @Override
    public List<PackageSuggestions> suggest(List<PackageQuery> packages, int limit) {
        return mappings.suggest(packages, Viewer.EVERYTHING, limit);
    }

    /** Sets a manual mapping; it counts as a change to the skill (see {@link #onSkillChange}). */
    @Override
    public void map(PackageId pkg, SkillRef skill, double confidence, String reason) {
        try {
            mappings.map(pkg, skill, confidence, reason);
        } finally {
            changed(skill);
        }
    }

    /**
     * Calls {@code listener} with the skill each time a change to it through this registry (publish, create, update,
     * yank, version tags, installations, manual package mappings) has ended, committed or not, before the call that made it returns; so a
     * cache that drops the skill there never serves the old record after the write is visible. Changes made by other
     * processes are not seen. The listener must be quick and must not throw.
     *
     * @return what removes the listener again
     */
    public Runnable onSkillChange(Consumer<SkillRef> listener) {
        changeListeners.add(listener);
        return () -> changeListeners.remove(listener);
    }

    private void changed(SkillRef ref) {
        changeListeners.forEach(listener -> listener.accept(ref));
    }

    /**
     * At most {@code limit} skills whose record changed after {@code since}, by whatever process, oldest first: what a
     * cache polls to see the changes {@link #onSkillChange} does not report.
     */
    public List<SkillStamp> changedSince(Instant since, int limit) {
        return changes.since(since, limit);
    }

    /** The skill whoever asks, with its namespace's visibility: for callers that check the reader themselves. */
    public Optional<SkillRecord> skillRecord(SkillRef ref) {
        return reader.record(ref);
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
        try {
            editor.create(skill);
        } finally {
            changed(skill.ref());
        }
    }

    public void update(SkillRef ref, SkillPatch patch) {
        try {
            editor.update(ref, patch);
        } finally {
            changed(ref);
        }
    }

    /** Yanks or unyanks a version; {@code latest} moves to the highest version not yanked. */
    public VersionInfo yank(SkillRef ref, String version, boolean yanked) {
        try {
            return editor.yank(ref, version, yanked);
        } finally {
            changed(ref);
        }
    }

    /**
     * The skill's version tags that resolve, {@code latest} first: {@code latest} is the highest version not yanked
     * (absent when every version is yanked); a tag set by hand on a yanked version is left out until it is unyanked.
     */
    @Override
    public Map<String, String> versionTags(SkillRef ref) {
        return editor.versionTags(ref);
    }

    /** The tags set by hand whose version is yanked: kept, and resolving again once it is unyanked. */
    public Map<String, String> yankedVersionTags(SkillRef ref) {
        return editor.yankedVersionTags(ref);
    }

    public void setVersionTag(SkillRef ref, String tag, String version) {
        try {
            editor.setVersionTag(ref, tag, version);
        } finally {
            changed(ref);
        }
    }

    public boolean removeVersionTag(SkillRef ref, String tag) {
        try {
            return editor.removeVersionTag(ref, tag);
        } finally {
            changed(ref);
        }
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
        update(ref, new SkillPatch(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("archived"),
                Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        return publish(PublishMapping.toNewVersion(request));
    }

    /** Publishes a version given as plain values (what {@link #publish(PublishRequest)} maps its request to). */
    public PublishResult publish(NewVersion version) {
        SkillRef ref = new SkillRef(version.namespace(), version.name());
        try {
            return result(version, writer.publish(version));
        } finally {
            changed(ref);
        }
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
        List<SkillWriter.Attempt> attempts;
        try {
            attempts = writer.publishAll(versions);
        } finally {
            versions.forEach(version -> changed(new SkillRef(version.namespace(), version.name())));
        }
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

    /** {@link #list}, with the tag and category counts of every skill it lists (not only the page). */
    public Faceted<SkillSummary> listWithFacets(SkillQuery query) {
        return new Faceted<>(lister.list(query), lister.facets(query));
    }

    /** {@link #search}, with the tag and category counts of every match (not only the page). */
    public Faceted<SearchHit> searchWithFacets(String text, SkillQuery query) {
        return search.searchWithFacets(text, query);
    }

    @Override
    public Page<MatchHit> match(String task, SkillQuery query) {
        return matcher.match(task, query);
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
        try {
            embedding.ifPresent(BackgroundEmbedding::close);
        } finally {
            database.close();
        }
    }
}
