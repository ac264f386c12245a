package dev.skillbase.skill;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Turns an uploaded archive (tar.gz or zip, told apart by their magic bytes) into a {@link Bundle}, treating it as
 * hostile until checked: only regular files and folders are accepted (links, devices and fifos are refused), every
 * path must stay inside the skill folder and appear once, and decompression stops as soon as the entry count, a
 * {@link BundleLimits} or the compression ratio of {@link ArchiveLimits} is exceeded, counting the bytes actually
 * decompressed rather than the sizes the archive declares. A single top-level folder wrapping every file (as
 * {@code tar czf x.tgz myskill/} makes) is stripped, so {@code SKILL.md} ends up at the root; a leading {@code ./} and
 * macOS {@code __MACOSX/} entries are dropped. Works in memory only; nothing is written anywhere. Thread-safe.
 */
public final class ArchiveReader {
    private static final String MACOS_METADATA = "__MACOSX";

    private final ArchiveLimits limits;

    public ArchiveReader(ArchiveLimits limits) {
        this.limits = limits;
    }

    /**
     * @throws ArchiveTooLargeException too many entries, or a decompression bomb
     * @throws BundleTooLargeException a file or the whole beyond the bundle limits
     * @throws UnsafeArchiveException not a tar.gz or zip, corrupt, a link or special entry, an unsafe or repeated path
     */
    public Bundle read(byte[] archive) {
        ArchiveFormat format = ArchiveFormat.detect(archive);
        ArchiveBudget budget = new ArchiveBudget(limits, archive.length);
        List<ArchiveEntry> entries = new ArrayList<>();
        try {
            switch (format) {
                case TAR_GZ -> readTar(archive, budget, entries);
                case ZIP -> readZip(archive, budget, entries);
            }
        } catch (IOException e) {
            throw new UnsafeArchiveException("archive", "archive-corrupt", "the " + format.label()
                    + " archive cannot be read: " + e.getMessage() + ": send a valid tar.gz or zip", e);
        }
        List<BundleFile> files = ArchiveEntry.stripWrappingFolder(entries);
        try {
            return Bundle.of(files, limits.bundle());
        } catch (UnsafeBundlePathException e) {
            // unreachable in practice: every path was checked entry by entry above
            throw new UnsafeArchiveException("archive", "unsafe-path", e.getMessage(), e);
        }
    }

    private static void readTar(byte[] archive, ArchiveBudget budget, List<ArchiveEntry> entries) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(new ByteArrayInputStream(archive)), "UTF-8")) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                budget.countEntry();
                String name = entry.getName();
                if (entry.isSymbolicLink() || entry.isLink()) {
                    throw ArchiveEntry.link(name, entry.isSymbolicLink() ? "symbolic" : "hard");
                }
                if (entry.isDirectory()) {
                    ArchiveEntry.checkName(name);
                    continue;
                }
                if (!isRegularFile(entry)) {
                    throw ArchiveEntry.special(name);
                }
                Optional<ArchiveEntry> file = ArchiveEntry.file(name, (entry.getMode() & 0100) != 0);
                if (file.isPresent()) {
                    file.get().content(budget.read(file.get().path(), tar));
                    entries.add(file.get());
                }
            }
        }
    }

    private static void readZip(byte[] archive, ArchiveBudget budget, List<ArchiveEntry> entries) throws IOException {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(archive)).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                budget.countEntry();
                String name = entry.getName();
                int type = (entry.getUnixMode() >> 12) & 0xF;
                if (entry.isUnixSymlink()) {
                    throw ArchiveEntry.link(name, "symbolic");
                }
                if (entry.isDirectory()) {
                    ArchiveEntry.checkName(name);
                    continue;
                }
                if (type != 0 && type != 010) {
                    throw ArchiveEntry.special(name);
                }
                Optional<ArchiveEntry> file = ArchiveEntry.file(name, (entry.getUnixMode() & 0100) != 0);
                if (file.isPresent()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        file.get().content(budget.read(file.get().path(), in));
                    }
                    entries.add(file.get());
                }
            }
        }
    }

    /** Only plain file types: isFile() alone also says yes to fifos, devices and unknown types. */
    private static boolean isRegularFile(TarArchiveEntry entry) {
        byte flag = entry.getLinkFlag();
        return (flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM || flag == TarConstants.LF_CONTIG)
                && !entry.isSparse();
    }

    /** The two archive formats an upload may use. */
    enum ArchiveFormat {
        TAR_GZ("tar.gz"),
        ZIP("zip");

        private final String label;

        ArchiveFormat(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        static ArchiveFormat detect(byte[] bytes) {
            if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                return TAR_GZ;
            }
            if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K'
                    && (bytes[2] == 3 && bytes[3] == 4 || bytes[2] == 5 && bytes[3] == 6)) {
                return ZIP;
            }
            throw new UnsafeArchiveException("archive", "archive-format",
                    "the body is neither a gzip-compressed tar nor a zip archive: send a .tar.gz or a .zip");
        }
    }

    static boolean isMacosMetadata(String path) {
        return path.equals(MACOS_METADATA) || path.startsWith(MACOS_METADATA + "/");
    }
}
