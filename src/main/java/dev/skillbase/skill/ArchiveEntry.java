package dev.skillbase.skill;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One regular file taken from an archive, and the rules on archive entry names. Not thread-safe. */
final class ArchiveEntry {
    private final String path;
    private final boolean executable;
    private byte[] content;

    private ArchiveEntry(String path, boolean executable) {
        this.path = path;
        this.executable = executable;
    }

    /** A regular file entry with its name checked and normalised; empty when it is macOS metadata to drop. */
    static Optional<ArchiveEntry> file(String rawName, boolean executable) {
        String path = checkName(rawName);
        if (path.isEmpty() || ArchiveReader.isMacosMetadata(path)) {
            return Optional.empty();
        }
        return Optional.of(new ArchiveEntry(path, executable));
    }

    String path() {
        return path;
    }

    void content(byte[] bytes) {
        content = bytes;
    }

    /**
     * Checks the name as written in the archive (before any normalisation can hide a {@code ..}) and returns it
     * without a leading {@code ./} or trailing {@code /}.
     */
    static String checkName(String rawName) {
        String name = rawName;
        while (name.startsWith("./")) {
            name = name.substring(2);
        }
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty() || name.equals(".")) {
            return "";
        }
        try {
            BundleRules.checkPath(name, new HashSet<>());
        } catch (UnsafeBundlePathException e) {
            throw new UnsafeArchiveException(rawName, "unsafe-path", "archive entry " + e.getMessage());
        }
        return name;
    }

    static UnsafeArchiveException link(String name, String kind) {
        return new UnsafeArchiveException(name, "archive-link", "archive entry " + Texts.quote(name) + " is a " + kind
                + " link: links could point outside the skill, so archives may hold only regular files and folders");
    }

    static UnsafeArchiveException special(String name) {
        return new UnsafeArchiveException(name, "archive-special-entry", "archive entry " + Texts.quote(name)
                + " is not a regular file or folder (a device, fifo or sparse file): remove it");
    }

    /**
     * The bundle files, without the single folder that wraps them all when there is one; refuses a path that
     * appears twice (after normalisation, so {@code ./a} and {@code a} clash).
     */
    static List<BundleFile> stripWrappingFolder(List<ArchiveEntry> entries) {
        Set<String> seen = new HashSet<>();
        for (ArchiveEntry entry : entries) {
            if (!seen.add(entry.path)) {
                throw new UnsafeArchiveException(entry.path, "duplicate-path", "archive entry "
                        + Texts.quote(entry.path) + " appears twice: each file may appear once");
            }
        }
        String prefix = wrappingFolder(entries);
        List<BundleFile> files = new ArrayList<>();
        for (ArchiveEntry entry : entries) {
            files.add(new BundleFile(entry.path.substring(prefix.length()), entry.content, entry.executable));
        }
        return files;
    }

    private static String wrappingFolder(List<ArchiveEntry> entries) {
        if (entries.isEmpty()) {
            return "";
        }
        int slash = entries.getFirst().path.indexOf('/');
        if (slash < 0) {
            return "";
        }
        String prefix = entries.getFirst().path.substring(0, slash + 1);
        return entries.stream().allMatch(e -> e.path.startsWith(prefix)) ? prefix : "";
    }
}
