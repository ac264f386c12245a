package dev.skillbase.registry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A {@link Registry} that keeps the records of recently read skills in memory (Caffeine, bounded by count), so that
 * {@code GET /api/v1/skills/{ns}/{name}} does not query the database each time. A publish through this instance
 * drops the skill's entry at once; a write by another process (a second server, a CLI push into the same database)
 * is seen after at most {@code ttl}. Everything else is passed through. Thread-safe.
 */
public final class CachingRegistry implements Registry {
    private final Registry delegate;
    private final Cache<SkillRef, Optional<SkillDetails>> skills;

    public CachingRegistry(Registry delegate, long maxSkills, Duration ttl) {
        this.delegate = delegate;
        this.skills = Caffeine.newBuilder().maximumSize(maxSkills).expireAfterWrite(ttl).build();
    }

    @Override
    public Optional<SkillDetails> skill(SkillRef ref) {
        return skills.get(ref, delegate::skill);
    }

    @Override
    public List<VersionInfo> versions(SkillRef ref) {
        return delegate.versions(ref);
    }

    @Override
    public Optional<VersionDetails> version(SkillRef ref, String version) {
        return delegate.version(ref, version);
    }

    @Override
    public Optional<byte[]> file(SkillRef ref, String version, String path) {
        return delegate.file(ref, version, path);
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        try {
            return delegate.publish(request);
        } finally {
            skills.invalidate(request.ref());
        }
    }

    @Override
    public Page<SkillSummary> list(SkillQuery query) {
        return delegate.list(query);
    }

    @Override
    public Page<SearchHit> search(String text, SkillQuery query) {
        return delegate.search(text, query);
    }

    @Override
    public RegistryStats stats() {
        return delegate.stats();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
