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
    private final PageCache searches;
    private final ChangeWatcher watcher;

    private ReadCaches(SkillResponseCache skills, PageCache searches, ChangeWatcher watcher) {
        this.skills = skills;
        this.searches = searches;
        this.watcher = watcher;
    }

    /** Caches over {@code registry}, watched for other processes' changes from now on. */
    static ReadCaches start(LocalRegistry registry, Supplier<Links> links) {
        SkillResponseCache skills = new SkillResponseCache(registry, links);
        PageCache searches = new PageCache(registry);
        ChangeWatcher watcher = new ChangeWatcher(registry, Clock.systemUTC(), List.of(skills, searches));
        watcher.start();
        return new ReadCaches(skills, searches, watcher);
    }

    SkillResponseCache skills() {
        return skills;
    }

    PageCache searches() {
        return searches;
    }

    @Override
    public void close() {
        watcher.close();
        skills.close();
        searches.close();
    }
}
