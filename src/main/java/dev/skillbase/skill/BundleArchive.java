package dev.skillbase.skill;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/** The two digests of a bundle and its deterministic archive. */
final class BundleArchive {
    private static final FileTime EPOCH = FileTime.fromMillis(0);
    private static final int REGULAR_FILE = 0100000;

    private BundleArchive() {
    }

    /** See {@link Bundle#contentDigest()} for the encoding. */
    static String contentDigest(List<BundleFile> sortedFiles) {
        MessageDigest sha = sha256();
        byte[] length = new byte[Long.BYTES];
        for (BundleFile file : sortedFiles) {
            sha.update(file.path().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            long size = file.size();
            for (int i = 0; i < Long.BYTES; i++) {
                length[i] = (byte) (size >>> (56 - 8 * i));
            }
            sha.update(length);
            sha.update(file.content());
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    static String digest(byte[] bytes) {
        return "sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static byte[] archive(List<BundleFile> sortedFiles) {
        GzipParameters gzip = new GzipParameters();
        gzip.setModificationTime(0);
        gzip.setOperatingSystem(255); // "unknown": the same bytes whichever system built it
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes, gzip),
                StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            for (BundleFile file : sortedFiles) {
                tar.putArchiveEntry(entry(file));
                tar.write(file.content());
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the archive in memory", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Paths over 100 bytes go into the ustar prefix and name fields when they fit (ASCII, up to 255 bytes, split at a
     * '/'), which every tar reader understands; longer ones get a PAX header, which some readers ignore.
     */
    private static TarArchiveEntry entry(BundleFile file) {
        TarArchiveEntry entry = UstarEntry.of(file.path()).orElseGet(() -> new TarArchiveEntry(file.path(), true));
        entry.setSize(file.size());
        entry.setMode(REGULAR_FILE | (file.executable() ? 0755 : 0644));
        entry.setModTime(EPOCH);
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("");
        entry.setGroupName("");
        return entry;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
