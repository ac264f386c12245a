package dev.skillbase.skill;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Builds archives for tests, hostile ones included: entries are written exactly as given (no path checks), so a
 * test can put {@code ../x}, links, devices or the same name twice into a tar.gz or zip.
 */
public final class TestArchives {
    private final List<Entry> entries = new ArrayList<>();

    private record Entry(String name, byte type, byte[] content, int mode, String linkTarget, long repeat) {
    }

    public static TestArchives archive() {
        return new TestArchives();
    }

    /** An archive holding a valid skill {@code name}: SKILL.md and one script. */
    public static TestArchives skill(String name) {
        return skill(name, "1.0.0");
    }

    /** A valid skill whose SKILL.md declares {@code metadata.version: version}. */
    public static TestArchives skill(String name, String version) {
        return archive().file("SKILL.md", skillMd(name, "Does " + name + " things.", version))
                .executable("scripts/run.sh", "#!/bin/sh\necho " + name + "\n");
    }

    public static String skillMd(String name, String description) {
        return skillMd(name, description, "1.0.0");
    }

    public static String skillMd(String name, String description, String version) {
        return "---\nname: " + name + "\ndescription: " + description + "\nmetadata:\n  version: " + version
                + "\n---\n# " + name + "\n\nUse it well.\n";
    }

    public TestArchives file(String name, String text) {
        return add(name, TarConstants.LF_NORMAL, text.getBytes(StandardCharsets.UTF_8), 0644, null);
    }

    public TestArchives executable(String name, String text) {
        return add(name, TarConstants.LF_NORMAL, text.getBytes(StandardCharsets.UTF_8), 0755, null);
    }

    public TestArchives dir(String name) {
        return add(name, TarConstants.LF_DIR, new byte[0], 0755, null);
    }

    public TestArchives symlink(String name, String target) {
        return add(name, TarConstants.LF_SYMLINK, new byte[0], 0777, target);
    }

    public TestArchives hardlink(String name, String target) {
        return add(name, TarConstants.LF_LINK, new byte[0], 0644, target);
    }

    public TestArchives fifo(String name) {
        return add(name, TarConstants.LF_FIFO, new byte[0], 0644, null);
    }

    public TestArchives charDevice(String name) {
        return add(name, TarConstants.LF_CHR, new byte[0], 0644, null);
    }

    /** A file of {@code bytes} zero bytes, streamed (never held in memory). */
    public TestArchives zeros(String name, long bytes) {
        entries.add(new Entry(name, TarConstants.LF_NORMAL, new byte[0], 0644, null, bytes));
        return this;
    }

    private TestArchives add(String name, byte type, byte[] content, int mode, String link) {
        entries.add(new Entry(name, type, content, mode, link, -1));
        return this;
    }

    public byte[] tarGz() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes),
                StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Entry e : entries) {
                TarArchiveEntry entry = new TarArchiveEntry(e.name(), e.type(), true);
                entry.setMode(e.mode());
                if (e.linkTarget() != null) {
                    entry.setLinkName(e.linkTarget());
                }
                if (e.type() == TarConstants.LF_NORMAL) {
                    entry.setSize(e.repeat() >= 0 ? e.repeat() : e.content().length);
                }
                tar.putArchiveEntry(entry);
                writeContent(tar, e);
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (Entry e : entries) {
                String name = e.type() == TarConstants.LF_DIR && !e.name().endsWith("/") ? e.name() + "/" : e.name();
                ZipArchiveEntry entry = new ZipArchiveEntry(name);
                int fileType = switch (e.type()) {
                    case TarConstants.LF_DIR -> 0040000;
                    case TarConstants.LF_SYMLINK -> 0120000;
                    case TarConstants.LF_FIFO -> 0010000;
                    case TarConstants.LF_CHR -> 0020000;
                    default -> 0100000;
                };
                entry.setUnixMode(fileType | e.mode());
                zip.putArchiveEntry(entry);
                if (e.linkTarget() != null) {
                    zip.write(e.linkTarget().getBytes(StandardCharsets.UTF_8));
                } else {
                    writeContent(zip, e);
                }
                zip.closeArchiveEntry();
            }
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeContent(java.io.OutputStream out, Entry e) throws IOException {
        if (e.repeat() < 0) {
            out.write(e.content());
            return;
        }
        byte[] chunk = new byte[64 * 1024];
        for (long left = e.repeat(); left > 0; left -= chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
    }
}
