package dev.skillbase.install;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One installed skill in a lockfile: where it came from ({@code kind} registry, folder or index, and the
 * {@code source} in that kind's terms), the version range asked for and the version it resolved to, the digests of
 * its content and archive and of each file, the agents it was installed for, the scope, whether the agents got copies
 * instead of links, and when it was installed.
 */
// alphabetic, spelled out: Jackson keeps a record's component order even with alphabetic = true
@JsonPropertyOrder({"agents", "archiveDigest", "contentDigest", "copy", "files", "installedAt", "kind", "requested",
        "scope", "source", "version"})
public record LockEntry(String kind, String source, String requested, String version, String contentDigest,
        String archiveDigest, SortedMap<String, String> files, List<String> agents, String scope, boolean copy,
        String installedAt) {

    public static final String REGISTRY = "registry";
    public static final String FOLDER = "folder";
    public static final String INDEX = "index";

    public LockEntry {
        files = new TreeMap<>(files);
        agents = agents.stream().sorted().distinct().toList();
    }

    /** The same entry for other agents. */
    public LockEntry withAgents(List<String> others) {
        return new LockEntry(kind, source, requested, version, contentDigest, archiveDigest, files, others, scope,
                copy, installedAt);
    }

    /** Whether two entries describe the same installation, ignoring when it happened. */
    public boolean sameAs(LockEntry other) {
        return kind.equals(other.kind) && source.equals(other.source) && requested.equals(other.requested)
                && version.equals(other.version) && contentDigest.equals(other.contentDigest)
                && archiveDigest.equals(other.archiveDigest) && files.equals(other.files)
                && agents.equals(other.agents) && scope.equals(other.scope) && copy == other.copy;
    }

}
