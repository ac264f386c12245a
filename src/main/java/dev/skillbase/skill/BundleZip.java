package dev.skillbase.skill;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * A bundle as a deterministic zip, for clients that want one instead of the canonical tar.gz: one entry per file in
 * {@link Bundle#files()} order, no folder entries, UTF-8 names, Unix modes 0644/0755, every timestamp
 * 1980-01-01 00:00 (the earliest DOS time) whatever the JVM's time zone, no extra fields, default deflate level.
 * Its digest is not the bundle's archive digest (that is the tar.gz's).
 */
public final class BundleZip {
    private static final int REGULAR_FILE = 0100000;

    private BundleZip() {
    }

    public static byte[] of(Bundle bundle) {
        // DOS times are local times: pick the instant that is 1980-01-01 00:00 here, so the bytes are the same anywhere
        long dosEpoch = LocalDateTime.of(1980, 1, 1, 0, 0).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            zip.setEncoding(StandardCharsets.UTF_8.name());
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            for (BundleFile file : bundle.files()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(file.path());
                entry.setTime(dosEpoch);
                entry.setUnixMode(REGULAR_FILE | (file.executable() ? 0755 : 0644));
                entry.setSize(file.size());
                zip.putArchiveEntry(entry);
                zip.write(file.content());
                zip.closeArchiveEntry();
            }
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the zip in memory", e);
        }
        return bytes.toByteArray();
    }
}
