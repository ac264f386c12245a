package dev.skillbase.install;

import dev.skillbase.registry.NoSuchSkillException;
import dev.skillbase.registry.Registry;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.registry.VersionInfo;
import dev.skillbase.skill.ArchiveLimits;
import dev.skillbase.skill.ArchiveReader;
import dev.skillbase.skill.Bundle;
import dev.skillbase.skill.BundleLimits;
import dev.skillbase.skill.FrontmatterException;
import dev.skillbase.skill.SkillDocument;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Fetches skills into memory and checks them before anything is written: from the registry (the archive's bytes
 * against the version's archive digest, then the unpacked files against its content digest), from a discovery index
 * (the archive against the index's digest), or from a local folder. The registry is opened on first use only.
 */
final class Fetcher implements AutoCloseable {
    static final String UNVERSIONED = "0.0.0";
    private final Supplier<Registry> opener;
    private final ArchiveReader archives = new ArchiveReader(ArchiveLimits.DEFAULT);
    private Registry registry;
    private IndexClient index;

    Fetcher(Supplier<Registry> opener) {
        this.opener = opener;
    }

    Registry registry() {
        if (registry == null) {
            registry = opener.get();
        }
        return registry;
    }

    private IndexClient index() {
        if (index == null) {
            index = new IndexClient();
        }
        return index;
    }

    /** Every skill a source names (an index may hold several). */
    List<Fetched> fetch(InstallSource source) {
        return switch (source) {
            case InstallSource.FromRegistry r -> List.of(fromRegistry(r.ref(), r.requested()));
            case InstallSource.FromFolder f -> List.of(fromFolder(f.dir()));
            case InstallSource.FromIndex i -> fromIndex(i.base(), null);
        };
    }

    /** The version a registry request resolves to now, without fetching it. */
    String resolve(SkillRef ref, String requested) {
        return VersionResolver.choose(ref, requested, versions(ref), tags(ref));
    }

    Fetched fromRegistry(SkillRef ref, String requested) {
        List<VersionInfo> versions = versions(ref);
        return exact(ref, requested, VersionResolver.choose(ref, requested, versions, tags(ref)), versions);
    }

    /** The skill's versions; an unknown skill is named as such (not as a skill without versions). */
    private List<VersionInfo> versions(SkillRef ref) {
        List<VersionInfo> versions = registry().versions(ref);
        if (versions.isEmpty() && registry().skill(ref).isEmpty()) {
            throw new SourceNotFoundException("there is no skill " + ref + " in the registry");
        }
        return versions;
    }

    private Map<String, String> tags(SkillRef ref) {
        try {
            return registry().versionTags(ref);
        } catch (NoSuchSkillException e) {
            throw new SourceNotFoundException("there is no skill " + ref + " in the registry");
        }
    }

    /** One exact version from the registry, checked against both of its digests. */
    Fetched exact(SkillRef ref, String requested, String version) {
        return exact(ref, requested, version, versions(ref));
    }

    private Fetched exact(SkillRef ref, String requested, String version, List<VersionInfo> versions) {
        VersionInfo info = versions.stream().filter(v -> v.version().equals(version)).findFirst()
                .orElseThrow(() -> new NoMatchingVersionException("skill " + ref + " has no version " + version));
        byte[] archive = registry().archive(ref, version).orElseThrow(() -> new NoMatchingVersionException(
                "skill " + ref + " has no version " + version));
        check(ref + "@" + version + " (archive)", info.archiveDigest(), Digests.sha256(archive));
        Bundle bundle = archives.read(archive);
        check(ref + "@" + version + " (files)", info.contentDigest(), bundle.contentDigest());
        return new Fetched(ref.name(), LockEntry.REGISTRY, ref.toString(), requested, version, bundle,
                info.archiveDigest());
    }

    Fetched fromFolder(Path dir) {
        if (!Files.isRegularFile(dir.resolve("SKILL.md"))) {
            throw new SourceNotFoundException("there is no SKILL.md in " + dir + ": a skill folder holds one");
        }
        Bundle bundle = Bundle.read(dir, BundleLimits.DEFAULT);
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        return new Fetched(name, LockEntry.FOLDER, dir.toString(), "*", declaredVersion(bundle), bundle,
                Digests.sha256(bundle.archive()));
    }

    /** The skills of an index, or only the one called {@code only} (when not null). */
    List<Fetched> fromIndex(URI base, String only) {
        List<Fetched> fetched = new ArrayList<>();
        List<IndexClient.Entry> entries = index().entries(base);
        for (IndexClient.Entry entry : entries) {
            if (only != null && !entry.name().equals(only)) {
                continue;
            }
            byte[] archive = index().get(entry.archive());
            check(entry.name() + " from " + entry.archive(), entry.digest(), Digests.sha256(archive));
            Bundle bundle = archives.read(archive);
            fetched.add(new Fetched(entry.name(), LockEntry.INDEX, base + "#" + entry.name(), "latest",
                    declaredVersion(bundle), bundle, entry.digest()));
        }
        if (fetched.isEmpty()) {
            throw new SourceNotFoundException("the discovery index at " + base + IndexClient.INDEX_PATH + " lists "
                    + (only == null ? "no skill archive" : "no skill " + only));
        }
        return fetched;
    }

    private static void check(String what, String expected, String actual) {
        if (!Digests.normalize(expected).equals(actual)) {
            throw new DigestMismatchException(what, expected, actual);
        }
    }

    /** {@code metadata.version} of the SKILL.md, else {@value #UNVERSIONED}. */
    static String declaredVersion(Bundle bundle) {
        return bundle.files().stream().filter(f -> f.path().equals("SKILL.md")).findFirst().map(f -> {
            try {
                return SkillDocument.parse(new String(f.content(), StandardCharsets.UTF_8)).frontmatter().metadata()
                        .getOrDefault("version", UNVERSIONED);
            } catch (FrontmatterException e) {
                return UNVERSIONED;
            }
        }).orElse(UNVERSIONED);
    }

    @Override
    public void close() {
        if (registry != null) {
            registry.close();
        }
        if (index != null) {
            index.close();
        }
    }
}
