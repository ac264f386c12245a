package dev.skillbase.cli;

import dev.skillbase.registry.NoSuchSkillException;
import dev.skillbase.registry.Page;
import dev.skillbase.registry.PublishRequest;
import dev.skillbase.registry.PublishResult;
import dev.skillbase.registry.Registry;
import dev.skillbase.registry.RegistryStats;
import dev.skillbase.registry.MatchHit;
import dev.skillbase.registry.SearchHit;
import dev.skillbase.registry.SkillHead;
import dev.skillbase.registry.SkillDetails;
import dev.skillbase.registry.SkillQuery;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.SkillSummary;
import dev.skillbase.registry.VersionDetails;
import dev.skillbase.registry.VersionInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A database that does not exist yet, seen read-only: it holds nothing. A dry run reads it instead of creating the
 * database file; publishing to it is a bug.
 */
final class NoDatabase implements Registry {

    @Override
    public Optional<SkillDetails> skill(SkillRef ref) {
        return Optional.empty();
    }

    @Override
    public List<VersionInfo> versions(SkillRef ref) {
        return List.of();
    }

    @Override
    public Optional<VersionDetails> version(SkillRef ref, String version) {
        return Optional.empty();
    }

    @Override
    public Optional<byte[]> file(SkillRef ref, String version, String path) {
        return Optional.empty();
    }

    @Override
    public Optional<byte[]> archive(SkillRef ref, String version) {
        return Optional.empty();
    }

    @Override
    public Map<String, String> versionTags(SkillRef ref) {
        throw new NoSuchSkillException(ref);
    }

    @Override
    public PublishResult publish(PublishRequest request) {
        throw new IllegalStateException("a dry run must not publish " + request.ref() + "@" + request.version());
    }

    @Override
    public Page<SkillSummary> list(SkillQuery query) {
        return new Page<>(List.of(), 0, query.limit(), query.offset());
    }

    @Override
    public Page<SearchHit> search(String text, SkillQuery query) {
        return new Page<>(List.of(), 0, query.limit(), query.offset());
    }

    @Override
    public Page<MatchHit> match(String task, SkillQuery query) {
        return new Page<>(List.of(), 0, query.limit(), query.offset());
    }

    @Override
    public RegistryStats stats() {
        return new RegistryStats(0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Override
    public List<SkillHead> heads(String namespace) {
        return List.of();
    }

    @Override
    public void archiveSkill(SkillRef ref) {
        throw new IllegalStateException("a dry run must not archive " + ref);
    }

    @Override
    public void close() {
        // nothing was opened
    }
}
