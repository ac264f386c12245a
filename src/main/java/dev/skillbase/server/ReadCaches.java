package dev.skillbase.server;

import dev.skillbase.registry.LocalRegistry;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The server's caches of reads, and the {@link ChangeWatcher} that tells them of changes made by other processes
 * (changes through this server reach them through {@link LocalRegistry#onSkillChange}). Closing stops the watcher
 * and drops every entry.
 */
final class ReadCaches implements AutoCloseable {
    private final SkillResponseCache skills;
    private final PageCache pages;
    private final SuggestionCache suggestions;
    private final ChangeWatcher watcher;

    private ReadCaches(SkillResponseCache skills, PageCache pages, SuggestionCache suggestions,
            ChangeWatcher watcher) {
        this.skills = skills;
        this.pages = pages;
        this.suggestions = suggestions;
        this.watcher = watcher;
    }

    /** Caches over {@code registry}, watched for other processes' changes from now on. */
    static ReadCaches start(LocalRegistry registry, Supplier<Links> links) {
        SkillResponseCache skills = new SkillResponseCache(registry, links);
        PageCache pages = new PageCache(registry);
        SuggestionCache suggestions = new SuggestionCache(registry);
        ChangeWatcher watcher = new ChangeWatcher(registry, Clock.systemUTC(), List.of(skills, pages, suggestions));
        watcher.start();
        return new ReadCaches(skills, pages, suggestions, watcher);
    }

    SkillResponseCache skills() {
        return skills;
    }

    PageCache pages() {
        return pages;
    }

    SuggestionCache suggestions() {
        return suggestions;
    }

    /** One poll of the watcher, now (see {@link SkillbaseServer#pollChanges}). */
    void pollChanges() {
        watcher.poll();
    }

    @Override
    public void close() {
        watcher.close();
        skills.close();
        pages.close();
        suggestions.close();
    }
}
