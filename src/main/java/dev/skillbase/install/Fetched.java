package dev.skillbase.install;

import dev.skillbase.skill.Bundle;
import dev.skillbase.skill.BundleFile;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A skill fetched and verified, in memory, not yet written anywhere: its name, where it came from (in lockfile terms),
 * the version asked for and found, its files and the digest of the archive it came in.
 */
public record Fetched(String name, String kind, String source, String requested, String version, Bundle bundle,
        String archiveDigest) {

    public String contentDigest() {
        return bundle.contentDigest();
    }

    /** {@code sha256:<hex>} of each file, by path. */
    public SortedMap<String, String> fileDigests() {
        SortedMap<String, String> digests = new TreeMap<>();
        for (BundleFile file : bundle.files()) {
            digests.put(file.path(), Digests.sha256(file.content()));
        }
        return digests;
    }

    /** The same skill under another name ({@code --as}). */
    public Fetched named(String other) {
        return new Fetched(other, kind, source, requested, version, bundle, archiveDigest);
    }
}
