package dev.skillbase.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.Viewer;
import dev.skillbase.suggest.PackageQuery;
import dev.skillbase.suggest.PackageSuggestions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The skills proposed for each package (what the suggest, bulk-suggest and package endpoints answer) kept in memory
 * per package query and limit, for anonymous callers: a project's 300 dependencies cost one query for those not yet
 * cached, and none once they are. Only what {@link Viewer#PUBLIC} may list is kept; signed-in callers, whose
 * answers depend on their memberships, always read the database.
 *
 * <p>Freshness: every change through this server's {@link LocalRegistry} (a publish, which infers mappings again; a
 * manual mapping; a status, visibility or installation change) drops every entry before the request that made it
 * answers, since any skill may be proposed for any package. Changes by other processes that move a skill's
 * {@code updated_at} are reported by the {@link ChangeWatcher}; a manual mapping set by another process is seen once
 * an entry is older than {@link SkillResponseCache#MAX_AGE}. At most {@link #MAX_WEIGHT} proposed skills are kept in
 * all. Thread-safe.
 */
final class SuggestionCache implements ChangeWatcher.Listener, AutoCloseable {
    static final long MAX_WEIGHT = 200_000;

    private record Key(PackageQuery query, int limit) {
    }

    private final LocalRegistry registry;
    private final Cache<Key, PackageSuggestions> entries;
    private final Runnable unsubscribe;
    /** Counts the changes seen, so that an answer read before a change is never kept after it. */
    private final AtomicLong changes = new AtomicLong();

    SuggestionCache(LocalRegistry registry) {
        this(registry, SkillResponseCache.MAX_AGE, Ticker.systemTicker());
    }

    /** With another age bound and clock (tests). */
    SuggestionCache(LocalRegistry registry, Duration maxAge, Ticker ticker) {
        this.registry = registry;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(MAX_WEIGHT)
                .<Key, PackageSuggestions>weigher((key, value) -> 1 + value.skills().size())
                .expireAfterWrite(maxAge)
                .ticker(ticker)
                .recordStats()
                .build();
        this.unsubscribe = registry.onSkillChange(this::changed);
    }

    @Override
    public void changed(SkillRef ref) {
        changedAll();
    }

    @Override
    public void changedAll() {
        changes.incrementAndGet();
        entries.invalidateAll();
    }

    /** The skills proposed for each query, in the order asked, as {@code viewer} may see them. */
    List<PackageSuggestions> suggest(List<PackageQuery> queries, Viewer viewer, int limit) {
        if (viewer.kind() != Viewer.Kind.PUBLIC) {
            return registry.mappings().suggest(queries, viewer, limit);
        }
        Map<PackageQuery, PackageSuggestions> found = new HashMap<>();
        LinkedHashSet<PackageQuery> missing = new LinkedHashSet<>();
        for (PackageQuery query : queries) {
            PackageSuggestions cached = entries.getIfPresent(new Key(query, limit));
            if (cached != null) {
                found.put(query, cached);
            } else {
                missing.add(query);
            }
        }
        if (!missing.isEmpty()) {
            found.putAll(readAndKeep(new ArrayList<>(missing), limit));
        }
        return queries.stream().map(found::get).toList();
    }

    /** Reads the queries in one go and keeps each answer unless a change was seen meanwhile (see PageCache). */
    private Map<PackageQuery, PackageSuggestions> readAndKeep(List<PackageQuery> queries, int limit) {
        long seen = changes.get();
        List<PackageSuggestions> read = registry.mappings().suggest(queries, Viewer.PUBLIC, limit);
        Map<PackageQuery, PackageSuggestions> answers = new HashMap<>();
        for (int i = 0; i < queries.size(); i++) {
            PackageQuery query = queries.get(i);
            PackageSuggestions answer = i < read.size() ? read.get(i) : new PackageSuggestions(query, List.of());
            answers.put(query, answer);
            entries.asMap().compute(new Key(query, limit), (k, current) -> changes.get() == seen ? answer : current);
        }
        // a change counted after the stores above may have swept the entries before they landed: look again
        if (changes.get() != seen) {
            answers.forEach((query, answer) -> entries.asMap().remove(new Key(query, limit), answer));
        }
        return answers;
    }

    /** How many answers were served from memory so far. */
    long hits() {
        return entries.stats().hitCount();
    }

    /** Stops following the registry's changes and drops every entry. */
    @Override
    public void close() {
        unsubscribe.run();
        entries.invalidateAll();
    }
}
