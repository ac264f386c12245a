package dev.skillbase.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.Faceted;
import dev.skillbase.registry.SearchHit;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.SkillSummary;
import dev.skillbase.registry.Viewer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Pages of search results and of skill lists for anonymous callers, kept in memory: a popular query or list page is
 * read from the database once until something changes. Only what
 * {@link Viewer#PUBLIC} may list is kept, so no page can show a private skill to anyone; signed-in callers, whose
 * results depend on their memberships, always search the database.
 *
 * <p>Freshness: any change to any skill through this server's {@link LocalRegistry} drops every page before the
 * request that made it answers; changes made by other processes are reported by the {@link ChangeWatcher}, or seen
 * once a page is older than {@link SkillResponseCache#MAX_AGE} when they move no {@code updated_at}. At most {@link #MAX_PAGES} pages are kept. Thread-safe.
 */
final class PageCache implements ChangeWatcher.Listener, AutoCloseable {
    static final int MAX_PAGES = 10_000;

    /** A search's text, or null for a plain list. */
    private record Key(String text, SkillQuery query) {
    }

    private final LocalRegistry registry;
    private final Cache<Key, Faceted<?>> pages;
    private final Runnable unsubscribe;
    /** Counts the changes seen, so that a page read before a change is never kept after it. */
    private final AtomicLong changes = new AtomicLong();

    PageCache(LocalRegistry registry) {
        this(registry, SkillResponseCache.MAX_AGE, Ticker.systemTicker());
    }

    /** With another age bound and clock (tests). */
    PageCache(LocalRegistry registry, Duration maxAge, Ticker ticker) {
        this.registry = registry;
        this.pages = Caffeine.newBuilder().maximumSize(MAX_PAGES).expireAfterWrite(maxAge).ticker(ticker).build();
        this.unsubscribe = registry.onSkillChange(this::changed);
    }

    @Override
    public void changed(SkillRef ref) {
        changedAll();
    }

    @Override
    public void changedAll() {
        changes.incrementAndGet();
        pages.invalidateAll();
    }

    /** The page of {@code text} as {@code query}'s viewer may see it, with its facets. */
    Faceted<SearchHit> search(String text, SkillQuery query) {
        return cached(new Key(text, query), () -> registry.searchWithFacets(text, query));
    }

    /** The page of skills {@code query} lists, as its viewer may see it, with its facets. */
    Faceted<SkillSummary> list(SkillQuery query) {
        return cached(new Key(null, query), () -> registry.listWithFacets(query));
    }

    @SuppressWarnings("unchecked") // a key with text holds search hits, one without a list: see search and list
    private <T> Faceted<T> cached(Key key, Supplier<Faceted<T>> read) {
        if (key.query().viewer().kind() != Viewer.Kind.PUBLIC) {
            return read.get();
        }
        Faceted<T> page = (Faceted<T>) pages.getIfPresent(key);
        if (page != null) {
            return page;
        }
        long seen = changes.get();
        Faceted<T> found = read.get();
        pages.asMap().compute(key, (k, current) -> changes.get() == seen ? found : current);
        // a change counted after the store above may have swept the pages before the store landed: look again
        if (changes.get() != seen) {
            pages.asMap().remove(key, found);
        }
        return found;
    }

    /** Stops following the registry's changes and drops every page. */
    @Override
    public void close() {
        unsubscribe.run();
        pages.invalidateAll();
    }
}
