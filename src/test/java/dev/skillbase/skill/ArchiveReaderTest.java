package dev.skillbase.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillbase.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchiveReaderTest {
    private static final ArchiveReader READER = new ArchiveReader(ArchiveLimits.DEFAULT);

    private static Function<TestArchives, byte[]> format(String format) {
        return format.equals("zip") ? TestArchives::zip : TestArchives::tarGz;
    }

    private static Bundle read(String format, TestArchives archive) {
        return READER.read(format(format).apply(archive));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tar.gz", "zip"})
    void reads_files_with_paths_bytes_and_executable_bit(String format) {
        Bundle bundle = read(format, TestArchives.skill("pdf-tools").dir("references").file("references/a.md", "A"));

        assertThat(bundle.files()).extracting(BundleFile::path)
                .containsExactly("SKILL.md", "references/a.md", "scripts/run.sh");
        assertThat(bundle.files()).extracting(BundleFile::executable).containsExactly(false, false, true);
        assertThat(new String(bundle.files().get(1).content(), StandardCharsets.UTF_8)).isEqualTo("A");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tar.gz", "zip"})
    void strips_a_single_wrapping_folder_and_leading_dot_slash(String format) {
        Bundle wrapped = read(format, TestArchives.archive().dir("pdf-tools/").dir("pdf-tools/scripts/")
                .file("pdf-tools/SKILL.md", TestArchives.skillMd("pdf-tools", "x"))
                .executable("pdf-tools/scripts/run.sh", "run"));
        Bundle dotted = read(format, TestArchives.archive().dir("./").file("./SKILL.md", "s").file("./b.txt", "b"));

        assertThat(wrapped.files()).extracting(BundleFile::path).containsExactly("SKILL.md", "scripts/run.sh");
        assertThat(dotted.files()).extracting(BundleFile::path).containsExactly("SKILL.md", "b.txt");
    }

    @Test
    void keeps_two_top_level_folders_and_drops_macos_metadata() {
        Bundle bundle = read("zip", TestArchives.archive().file("a/SKILL.md", "s").file("b/x.txt", "x")
                .file("__MACOSX/a/._SKILL.md", "junk"));

        assertThat(bundle.files()).extracting(BundleFile::path).containsExactly("a/SKILL.md", "b/x.txt");
    }

    @Test
    void the_archive_of_a_bundle_reads_back_to_the_same_bundle() {
        Bundle original = read("tar.gz", TestArchives.skill("pdf-tools"));

        Bundle again = READER.read(original.archive());
        Bundle fromZip = READER.read(BundleZip.of(original));

        assertThat(again.archiveDigest()).isEqualTo(original.archiveDigest());
        assertThat(fromZip.files()).isEqualTo(original.files());
        assertThat(BundleZip.of(original)).isEqualTo(BundleZip.of(fromZip));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.sh", "a/../../evil.sh", "/etc/passwd", "scripts\\run.sh", "C:/x", "a//b"})
    void refuses_unsafe_paths(String path) {
        // a zip written on Windows may use backslashes, which the zip reader turns into '/' as intended
        for (String format : path.contains("\\") ? List.of("tar.gz") : List.of("tar.gz", "zip")) {
            assertThatThrownBy(() -> read(format, TestArchives.skill("s").file(path, "x")))
                    .isInstanceOf(UnsafeArchiveException.class)
                    .satisfies(e -> assertThat(((UnsafeArchiveException) e).problem().code()).isEqualTo("unsafe-path"))
                    .satisfies(e -> assertThat(((UnsafeArchiveException) e).problem().field()).isEqualTo(path));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tar.gz", "zip"})
    void refuses_symbolic_links(String format) {
        assertThatThrownBy(() -> read(format, TestArchives.skill("s").symlink("passwd", "/etc/passwd")))
                .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("symbolic link")
                .satisfies(e -> assertThat(((UnsafeArchiveException) e).problem().code()).isEqualTo("archive-link"));
    }

    @Test
    void refuses_hard_links() {
        assertThatThrownBy(() -> read("tar.gz", TestArchives.skill("s").hardlink("copy", "SKILL.md")))
                .isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("hard link");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tar.gz", "zip"})
    void refuses_devices_and_fifos(String format) {
        assertThatThrownBy(() -> read(format, TestArchives.skill("s").fifo("pipe")))
                .isInstanceOf(UnsafeArchiveException.class)
                .satisfies(e -> assertThat(((UnsafeArchiveException) e).problem().code())
                        .isEqualTo("archive-special-entry"));
        assertThatThrownBy(() -> read(format, TestArchives.skill("s").charDevice("tty")))
                .isInstanceOf(UnsafeArchiveException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tar.gz", "zip"})
    void refuses_a_path_that_appears_twice(String format) {
        assertThatThrownBy(() -> read(format, TestArchives.skill("s").file("SKILL.md", "again")))
                .isInstanceOf(UnsafeArchiveException.class)
                .satisfies(e -> assertThat(((UnsafeArchiveException) e).problem().code()).isEqualTo("duplicate-path"));
        assertThatThrownBy(() -> read(format, TestArchives.skill("s").file("./SKILL.md", "again")))
                .isInstanceOf(UnsafeArchiveException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tar.gz", "zip"})
    void refuses_a_decompression_bomb_by_ratio_before_reading_it_all(String format) {
        byte[] bomb = format(format).apply(TestArchives.skill("s").zeros("zeros.bin", 9L * 1024 * 1024));

        assertThat(bomb.length).isLessThan(60_000);
        assertThatThrownBy(() -> READER.read(bomb))
                .isInstanceOf(ArchiveTooLargeException.class)
                .satisfies(e -> assertThat(((UnsafeArchiveException) e).problem().code()).isEqualTo("archive-bomb"));
    }

    @Test
    void refuses_decompressed_bytes_beyond_the_bundle_limit() {
        ArchiveReader small = new ArchiveReader(new ArchiveLimits(new BundleLimits(10, 1000, 600), 20, 100_000, 0));

        assertThatThrownBy(() -> small.read(TestArchives.skill("s").zeros("big.bin", 601).tarGz()))
                .isInstanceOf(BundleTooLargeException.class).hasMessageContaining("big.bin");
        assertThatThrownBy(() -> small.read(TestArchives.skill("s").zeros("a", 500).zeros("b", 500).tarGz()))
                .isInstanceOf(BundleTooLargeException.class)
                .satisfies(e -> assertThat(((BundleTooLargeException) e).problems().getFirst().code())
                        .isEqualTo("bundle-too-large"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tar.gz", "zip"})
    void refuses_too_many_entries(String format) {
        ArchiveReader small = new ArchiveReader(new ArchiveLimits(BundleLimits.DEFAULT, 5, 100, 0));
        TestArchives archive = TestArchives.skill("s");
        for (int i = 0; i < 5; i++) {
            archive.file("f" + i, "x");
        }

        assertThatThrownBy(() -> small.read(format(format).apply(archive)))
                .isInstanceOf(ArchiveTooLargeException.class)
                .satisfies(e -> assertThat(((UnsafeArchiveException) e).problem().code())
                        .isEqualTo("archive-too-many-entries"));
    }

    @Test
    void refuses_bodies_that_are_not_archives_or_are_corrupt() {
        assertThatThrownBy(() -> READER.read("hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnsafeArchiveException.class)
                .satisfies(e -> assertThat(((UnsafeArchiveException) e).problem().code()).isEqualTo("archive-format"));
        byte[] archive = TestArchives.skill("s").tarGz();
        byte[] truncated = java.util.Arrays.copyOf(archive, archive.length / 2);
        assertThatThrownBy(() -> READER.read(truncated))
                .isInstanceOf(UnsafeArchiveException.class)
                .satisfies(e -> assertThat(((UnsafeArchiveException) e).problem().code()).isEqualTo("archive-corrupt"));
    }

    /** The measurement behind {@link ArchiveLimits#DEFAULT}'s 100:1: real skills stay far below it. */
    @Test
    void real_skills_compress_far_below_the_ratio_limit() {
        Path skills = Corpus.skills();
        List<Double> ratios = new ArrayList<>();
        for (Path dir : SkillScanner.find(skills)) {
            try {
                Bundle bundle = Bundle.read(dir, BundleLimits.DEFAULT);
                if (bundle.totalBytes() > 0) {
                    ratios.add((double) bundle.totalBytes() / bundle.archive().length);
                }
            } catch (BundleException e) {
                // a corpus skill over the limits is not a compression question
            }
        }
        ratios.sort(Double::compare);
        double max = ratios.getLast();
        System.out.printf("tar.gz ratios over %d corpus skills: median %.1f, p99 %.1f, max %.1f%n", ratios.size(),
                ratios.get(ratios.size() / 2), ratios.get(ratios.size() * 99 / 100), max);
        assertThat(ratios).hasSizeGreaterThan(100);
        assertThat(max).isLessThan(ArchiveLimits.DEFAULT.maxRatio() / 5.0);
    }
}
