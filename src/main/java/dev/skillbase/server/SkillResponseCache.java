package dev.skillbase.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.SkillRecord;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.VersionInfo;
import dev.skillbase.registry.Viewer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The answers of {@code GET /api/v1/skills/{namespace}/{name}} kept in memory: each skill's record as stored (for
 * every reader alike), its JSON body and its ETag, so that a read costs no query and no serialisation. The cache sits
 * below the visibility check: {@link #readable} decides for each request whether its caller may see the record, and
 * a caller who may not gets a 404 exactly as without the cache.
 *
 * <p>Freshness: every change through this server's {@link LocalRegistry} drops the skill's entry before the request
 * that made it answers ({@link LocalRegistry#onSkillChange}), so the next request reads the database. Changes made
 * elsewhere (another server on the same PostgreSQL database, a CLI writing into the same SQLite file) that move the
 * skill's {@code updated_at} are reported by the {@link ChangeWatcher} within about a second. What moves no
 * {@code updated_at} (an install count changed by another server) is seen once the entry is older than
 * {@link #MAX_AGE}. A skill that does not exist is remembered as absent until it is created. Entries are bounded by
 * their size ({@link #MAX_WEIGHT} bytes in all, roughly). Thread-safe.
 */
final class SkillResponseCache implements ChangeWatcher.Listener, AutoCloseable {
    /** The longest time a change made by another process that moves no {@code updated_at} may go unseen. */
    static final Duration MAX_AGE = Duration.ofSeconds(60);
    /** About how many bytes the entries may take together. */
    static final long MAX_WEIGHT = 64L * 1024 * 1024;
    /** A rough size of an entry apart from its JSON body. */
    private static final int ENTRY_OVERHEAD = 1024;

    /** A skill's answer: its record, the JSON bytes of its view and the view's ETag. */
    record Entry(SkillRecord record, byte[] json, String etag) {
    }

    private final LocalRegistry registry;
    private final Supplier<Links> links;
    private final Cache<SkillRef, Optional<Entry>> entries;
    private final Runnable unsubscribe;
    /** Counts the changes seen, so that a record read before a change is never stored after it. */
    private final AtomicLong changes = new AtomicLong();

    SkillResponseCache(LocalRegistry registry, Supplier<Links> links) {
        this(registry, links, MAX_AGE, Ticker.systemTicker());
    }

    /** With another age bound and clock (tests). */
    SkillResponseCache(LocalRegistry registry, Supplier<Links> links, Duration maxAge, Ticker ticker) {
        this.registry = registry;
        this.links = links;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(MAX_WEIGHT)
                .<SkillRef, Optional<Entry>>weigher((ref, entry) ->
                        ENTRY_OVERHEAD + entry.map(e -> e.json().length).orElse(0))
                .expireAfterWrite(maxAge)
                .ticker(ticker)
                .build();
        this.unsubscribe = registry.onSkillChange(this::changed);
    }

    @Override
    public void changed(SkillRef ref) {
        changes.incrementAndGet();
        entries.invalidate(ref);
    }

    @Override
    public void changedAll() {
        changes.incrementAndGet();
        entries.invalidateAll();
    }

    /**
     * The skill's answer when {@code viewer} may read it by name; empty when the skill does not exist or is hidden
     * from {@code viewer}.
     */
    Optional<Entry> readable(SkillRef ref, Viewer viewer) {
        Optional<Entry> entry = entries.getIfPresent(ref);
        if (entry == null) {
            entry = loadAndKeep(ref);
        }
        return entry.filter(e -> e.record().openTo(viewer)
                || (viewer.kind() == Viewer.Kind.USER && registry.skill(ref, viewer).isPresent()));
    }

    /**
     * Reads the skill and keeps it unless a change was seen meanwhile. A change counts first and drops its skill's
     * entry after; the store below is atomic per key, so either it sees the count and keeps nothing, or the change's
     * drop comes after it and removes what it kept.
     */
    private Optional<Entry> loadAndKeep(SkillRef ref) {
        long seen = changes.get();
        Optional<Entry> loaded = load(ref);
        entries.asMap().compute(ref, (key, current) -> changes.get() == seen ? loaded : current);
        return loaded;
    }

    private Optional<Entry> load(SkillRef ref) {
        return registry.skillRecord(ref).map(record -> {
            var skill = record.details();
            String etag = Etags.of(skill.id().toString(), skill.updatedAt().toString(),
                    skill.latest().map(VersionInfo::archiveDigest).orElse(""), String.valueOf(skill.installs()));
            byte[] json = Json.MAPPER.writeValueAsBytes(WireViews.SkillView.of(skill, links.get()));
            return new Entry(record, json, etag);
        });
    }

    /** Stops following the registry's changes and drops every entry. */
    @Override
    public void close() {
        unsubscribe.run();
        entries.invalidateAll();
    }
}
