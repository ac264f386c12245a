package dev.skillbase.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleTest {
    @TempDir
    Path tmp;

    private static BundleFile file(String path, String text) {
        return new BundleFile(path, text.getBytes(StandardCharsets.UTF_8), false);
    }

    private Path skillWithScript(String name) throws IOException {
        return skillWithScript(tmp, name);
    }

    private static Path skillWithScript(Path parent, String name) throws IOException {
        Path dir = TestSkills.minimal(parent, name);
        Path script = TestSkills.writeFile(dir, "scripts/run.sh", "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        TestSkills.writeFile(dir, "references/guide.md", "# Guide\n");
        return dir;
    }

    private static List<TarArchiveEntry> entries(byte[] archive) throws IOException {
        List<TarArchiveEntry> entries = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                entries.add(e);
            }
        }
        return entries;
    }

    @Test
    void reads_files_sorted_with_relative_paths_and_executable_bit() throws IOException {
        Bundle bundle = Bundle.read(skillWithScript("pdf"), BundleLimits.DEFAULT);
        assertThat(bundle.files()).extracting(BundleFile::path)
                .containsExactly("SKILL.md", "references/guide.md", "scripts/run.sh");
        assertThat(bundle.files()).extracting(BundleFile::executable).containsExactly(false, false, true);
        assertThat(bundle.totalBytes()).isEqualTo(bundle.files().stream().mapToLong(BundleFile::size).sum());
        assertThat(bundle.skipped()).isEmpty();
        assertThat(bundle.toString()).contains("3 files");
    }

    @Test
    void skips_tool_folders_and_files_with_a_warning() throws IOException {
        Path dir = TestSkills.minimal(tmp, "pdf");
        TestSkills.writeFile(dir, ".git/config", "x");
        TestSkills.writeFile(dir, "node_modules/a/index.js", "x");
        TestSkills.writeFile(dir, "scripts/__pycache__/a.pyc", "x");
        TestSkills.writeFile(dir, ".DS_Store", "x");
        Bundle bundle = Bundle.read(dir, BundleLimits.DEFAULT);
        assertThat(bundle.files()).extracting(BundleFile::path).containsExactly("SKILL.md");
        assertThat(bundle.skipped()).extracting(Problem::field)
                .containsExactlyInAnyOrder(".git", "node_modules", "scripts/__pycache__", ".DS_Store");
        assertThat(bundle.skipped()).allSatisfy(p -> assertThat(p.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void never_follows_a_symlink_to_a_file_outside_the_folder() throws IOException {
        Path dir = TestSkills.minimal(tmp, "pdf");
        Files.createSymbolicLink(dir.resolve("passwd"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(dir.resolve("etc"), Path.of("/etc"));
        Bundle bundle = Bundle.read(dir, BundleLimits.DEFAULT);
        assertThat(bundle.files()).extracting(BundleFile::path).containsExactly("SKILL.md");
        assertThat(bundle.skipped()).extracting(Problem::code).containsOnly("symlink-skipped");
        assertThat(bundle.skipped()).extracting(Problem::field).containsExactlyInAnyOrder("passwd", "etc");
    }

    @Test
    void refuses_a_100_mb_sparse_file_without_reading_it() throws IOException {
        Path dir = TestSkills.minimal(tmp, "big");
        try (RandomAccessFile file = new RandomAccessFile(dir.resolve("huge.bin").toFile(), "rw")) {
            file.setLength(100L * 1024 * 1024);
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> Bundle.read(dir, BundleLimits.DEFAULT))
                .isInstanceOfSatisfying(BundleTooLargeException.class, e -> assertThat(e.problems())
                        .extracting(Problem::code).containsExactly("file-too-large", "bundle-too-large"))
                .hasMessageContaining("huge.bin");
        // reading 100 MB would take far longer than checking an attribute
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    }

    @Test
    void enforces_each_limit() throws IOException {
        Path dir = TestSkills.minimal(tmp, "pdf");
        TestSkills.writeFile(dir, "a.txt", "x".repeat(100));
        TestSkills.writeFile(dir, "b.txt", "y".repeat(100));
        assertThatThrownBy(() -> Bundle.read(dir, new BundleLimits(2, 10_000, 10_000)))
                .isInstanceOfSatisfying(BundleTooLargeException.class, e -> assertThat(e.problems())
                        .extracting(Problem::code).containsExactly("bundle-too-many-files"))
                .hasMessageContaining("more than 2 files");
        assertThatThrownBy(() -> Bundle.read(dir, new BundleLimits(10, 150, 10_000)))
                .isInstanceOfSatisfying(BundleTooLargeException.class, e -> assertThat(e.problems())
                        .extracting(Problem::code).containsExactly("bundle-too-large"));
        assertThatThrownBy(() -> Bundle.read(dir, new BundleLimits(10, 10_000, 99)))
                .isInstanceOfSatisfying(BundleTooLargeException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("a.txt", "b.txt"));
        assertThat(Bundle.read(dir, new BundleLimits(3, 10_000, 100)).files()).hasSize(3);
    }

    @Test
    void reads_every_byte_when_the_limits_are_unbounded() throws IOException {
        Path dir = TestSkills.minimal(tmp, "pdf");
        TestSkills.writeFile(dir, "a.txt", "x".repeat(100));
        Bundle bundle = Bundle.read(dir, new BundleLimits(Integer.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE));
        assertThat(bundle.files()).filteredOn(f -> f.path().equals("a.txt")).extracting(BundleFile::size)
                .containsExactly(100L);
        assertThat(bundle.files()).filteredOn(f -> f.path().equals("SKILL.md")).extracting(BundleFile::size)
                .containsExactly(Files.size(dir.resolve("SKILL.md")));
    }

    @Test
    void limits_must_be_positive() {
        assertThatThrownBy(() -> new BundleLimits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BundleLimits(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reports_a_missing_folder() {
        assertThatThrownBy(() -> Bundle.read(tmp.resolve("absent"), BundleLimits.DEFAULT))
                .isExactlyInstanceOf(BundleException.class).hasMessageContaining("absent");
        Path file = TestSkills.writeFile(tmp, "plain.txt", "x");
        assertThatThrownBy(() -> Bundle.read(file, BundleLimits.DEFAULT)).hasMessageContaining("not a folder");
    }

    @Test
    void content_digest_is_stable_and_independent_of_order() {
        Bundle one = Bundle.of(List.of(file("SKILL.md", "a"), file("b/c.md", "c")), BundleLimits.DEFAULT);
        Bundle two = Bundle.of(List.of(file("b/c.md", "c"), file("SKILL.md", "a")), BundleLimits.DEFAULT);
        assertThat(one.contentDigest()).isEqualTo(two.contentDigest()).startsWith("sha256:").hasSize(7 + 64);
        assertThat(one.archive()).isEqualTo(two.archive());
    }

    @Test
    void content_digest_is_the_documented_encoding() throws Exception {
        Bundle bundle = Bundle.of(List.of(file("SKILL.md", "hi")), BundleLimits.DEFAULT);
        byte[] input = {'S', 'K', 'I', 'L', 'L', '.', 'm', 'd', 0, 0, 0, 0, 0, 0, 0, 0, 2, 'h', 'i'};
        String expected = "sha256:" + java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(input));
        assertThat(bundle.contentDigest()).isEqualTo(expected);
    }

    @Test
    void digests_change_when_a_byte_or_a_boundary_changes() {
        Bundle base = Bundle.of(List.of(file("SKILL.md", "abc"), file("x", "de")), BundleLimits.DEFAULT);
        Bundle byteChanged = Bundle.of(List.of(file("SKILL.md", "abd"), file("x", "de")), BundleLimits.DEFAULT);
        Bundle shifted = Bundle.of(List.of(file("SKILL.md", "ab"), file("x", "cde")), BundleLimits.DEFAULT);
        assertThat(byteChanged.contentDigest()).isNotEqualTo(base.contentDigest());
        assertThat(shifted.contentDigest()).isNotEqualTo(base.contentDigest());
        assertThat(byteChanged.archiveDigest()).isNotEqualTo(base.archiveDigest());
    }

    @Test
    void archive_is_identical_across_reads_and_folders_with_different_mtimes() throws IOException {
        Path first = skillWithScript(tmp.resolve("one"), "pdf");
        Path second = skillWithScript(tmp.resolve("two"), "pdf");
        Files.setLastModifiedTime(second.resolve("SKILL.md"), FileTime.from(Instant.parse("2001-02-03T04:05:06Z")));
        Bundle a = Bundle.read(first, BundleLimits.DEFAULT);
        Bundle b = Bundle.read(second, BundleLimits.DEFAULT);
        assertThat(a.archive()).isEqualTo(a.archive()).isEqualTo(b.archive());
        assertThat(a.archiveDigest()).isEqualTo(b.archiveDigest()).startsWith("sha256:");
        assertThat(a.contentDigest()).isEqualTo(b.contentDigest());
    }

    @Test
    void archive_has_skill_md_at_the_root_and_fixed_metadata() throws IOException {
        Bundle bundle = Bundle.read(skillWithScript("pdf"), BundleLimits.DEFAULT);
        byte[] archive = bundle.archive();
        // gzip header: magic, method, flags (no name), mtime 0, extra flags, OS 255
        assertThat(archive[3]).isZero();
        assertThat(new byte[] {archive[4], archive[5], archive[6], archive[7]}).containsOnly(0);
        assertThat(archive[9]).isEqualTo((byte) 255);
        List<TarArchiveEntry> entries = entries(archive);
        assertThat(entries).extracting(TarArchiveEntry::getName)
                .containsExactly("SKILL.md", "references/guide.md", "scripts/run.sh");
        assertThat(entries).extracting(TarArchiveEntry::getMode).containsExactly(0100644, 0100644, 0100755);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.getModTime().getTime()).isZero();
            assertThat(e.getLongUserId()).isZero();
            assertThat(e.getLongGroupId()).isZero();
            assertThat(e.getUserName()).isEmpty();
            assertThat(e.getGroupName()).isEmpty();
        });
    }

    @Test
    void archive_keeps_long_and_non_ascii_paths_deterministically() throws IOException {
        String longPath = "references/" + "deep/".repeat(30) + "caf\u00e9.md";
        List<BundleFile> files = List.of(file("SKILL.md", "a"), file(longPath, "b"));
        byte[] first = Bundle.of(files, BundleLimits.DEFAULT).archive();
        assertThat(first).isEqualTo(Bundle.of(files, BundleLimits.DEFAULT).archive());
        assertThat(entries(first)).extracting(TarArchiveEntry::getName).containsExactly("SKILL.md", longPath);
    }

    @Test
    void of_rejects_unsafe_paths() {
        for (String bad : List.of("../x", "a/../../x", "/etc/passwd", "C:/x", "a\\b", "", "a//b", "./a", "a/", "a\u0000b")) {
            assertThatThrownBy(() -> Bundle.of(List.of(file(bad, "x")), BundleLimits.DEFAULT))
                    .as(bad).isInstanceOf(UnsafeBundlePathException.class);
        }
        assertThatThrownBy(() -> Bundle.of(List.of(file("a", "x"), file("a", "y")), BundleLimits.DEFAULT))
                .isInstanceOf(UnsafeBundlePathException.class).hasMessageContaining("twice");
    }

    @Test
    void of_checks_limits_and_leaves_out_ignored_names() {
        assertThatThrownBy(() -> Bundle.of(List.of(file("SKILL.md", "abc")), new BundleLimits(5, 100, 2)))
                .isInstanceOf(BundleTooLargeException.class).hasMessageContaining("SKILL.md");
        Bundle bundle = Bundle.of(List.of(file("SKILL.md", "a"), file(".git/HEAD", "x")), BundleLimits.DEFAULT);
        assertThat(bundle.files()).extracting(BundleFile::path).containsExactly("SKILL.md");
        assertThat(bundle.skipped()).extracting(Problem::code).containsExactly("file-skipped");
    }

    @Test
    void bundle_file_copies_its_bytes_and_compares_by_value() {
        byte[] bytes = {1, 2};
        BundleFile one = new BundleFile("a", bytes, true);
        bytes[0] = 9;
        assertThat(one.content()).containsExactly(1, 2);
        assertThat(one).isEqualTo(new BundleFile("a", new byte[] {1, 2}, true))
                .hasSameHashCodeAs(new BundleFile("a", new byte[] {1, 2}, true))
                .isNotEqualTo(new BundleFile("a", new byte[] {1, 2}, false));
        assertThat(one.toString()).isEqualTo("BundleFile[a, 2 bytes, executable]");
    }
}
