package dev.skillbase.registry;

import dev.skillbase.search.FullTextSearch;
import dev.skillbase.store.Database;
import dev.skillbase.store.DatabaseUrl;
import dev.skillbase.store.NewVersion;
import dev.skillbase.store.SkillLister;
import dev.skillbase.store.SkillReader;
import dev.skillbase.store.SkillWriter;
import dev.skillbase.store.StatsReader;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

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

    private LocalRegistry(Database database, Clock clock) {
        this.database = database;
        this.reader = new SkillReader(database);
        this.search = FullTextSearch.of(database);
        this.writer = new SkillWriter(database, search, clock);
        this.lister = new SkillLister(database);
        this.stats = new StatsReader(database);
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

    @Override
    public Optional<SkillDetails> skill(SkillRef ref) {
        return reader.skill(ref);
    }

    @Override
    public List<VersionInfo> versions(SkillRef ref) {
        return reader.versions(ref);
    }

    @Override
    public Optional<VersionDetails> version(SkillRef ref, String version) {
        return reader.version(ref, version);
    }

    @Override
    public Optional<byte[]> file(SkillRef ref, String version, String path) {
        return reader.file(ref, version, path);
    }

    /** The deterministic archive of a version, or empty when the version does not exist. */
    public Optional<byte[]> archive(SkillRef ref, String version) {
        return reader.archive(ref, version);
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        return publish(PublishMapping.toNewVersion(request));
    }

    /** Publishes a version given as plain values (what {@link #publish(PublishRequest)} maps its request to). */
    public PublishResult publish(NewVersion version) {
        SkillWriter.Published published = writer.publish(version);
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

    @Override
    public void close() {
        database.close();
    }
}
