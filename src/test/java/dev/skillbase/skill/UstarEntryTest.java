package dev.skillbase.skill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarUtils;
import org.junit.jupiter.api.Test;

/**
 * Long paths in the deterministic archive: up to 255 ASCII bytes in the ustar prefix and name fields (no PAX header),
 * beyond that a PAX header; either way every reader gets the full path back.
 */
class UstarEntryTest {
    private static final String SKILL_MD = "---\nname: long-paths\ndescription: Long paths.\n---\n# Long\n";

    private static Bundle bundle(String path) {
        return Bundle.of(List.of(new BundleFile("SKILL.md", SKILL_MD.getBytes(StandardCharsets.UTF_8), false),
                new BundleFile(path, "deep\n".getBytes(StandardCharsets.UTF_8), false)), BundleLimits.DEFAULT);
    }

    /** The raw 512-byte headers of the archive, in order. */
    private static List<byte[]> headers(byte[] tarGz) throws IOException {
        byte[] tar;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(tarGz))) {
            tar = in.readAllBytes();
        }
        List<byte[]> headers = new ArrayList<>();
        int offset = 0;
        while (offset + 512 <= tar.length && tar[offset] != 0) {
            byte[] header = java.util.Arrays.copyOfRange(tar, offset, offset + 512);
            headers.add(header);
            long size = TarUtils.parseOctal(header, 124, 12);
            offset += 512 + (int) ((size + 511) / 512 * 512);
        }
        return headers;
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static List<String> readBack(byte[] tarGz) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(tarGz)),
                StandardCharsets.UTF_8.name())) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    @Test
    void a_path_of_up_to_255_ascii_bytes_is_split_into_ustar_prefix_and_name_without_a_pax_header() throws IOException {
        String dir = "references/" + "d".repeat(130);
        String path = dir + "/" + "f".repeat(90) + ".md";
        Bundle bundle = bundle(path);

        List<byte[]> headers = headers(bundle.archive());

        assertThat(path.length()).isBetween(230, 255);
        assertThat(headers).hasSize(2).allSatisfy(h -> assertThat((char) h[156]).isEqualTo('0'));
        byte[] deep = headers.get(1);
        assertThat(field(deep, 0, 100)).isEqualTo("f".repeat(90) + ".md");
        assertThat(field(deep, UstarEntry.PREFIX_OFFSET, 155)).isEqualTo(dir);
        assertThat(field(deep, 257, 6)).isEqualTo("ustar");
        assertThat(TarUtils.verifyCheckSum(deep)).isTrue();
        assertThat(readBack(bundle.archive())).containsExactly("SKILL.md", path);
        Bundle read = new ArchiveReader(ArchiveLimits.DEFAULT).read(bundle.archive());
        assertThat(read.archiveDigest()).isEqualTo(bundle.archiveDigest());
        assertThat(read.contentDigest()).isEqualTo(bundle.contentDigest());
    }

    @Test
    void the_split_takes_the_longest_prefix_that_fits() throws IOException {
        String path = "a/" + "b".repeat(60) + "/" + "c".repeat(60) + ".md";

        byte[] deep = headers(bundle(path).archive()).get(1);

        assertThat(field(deep, 0, 100)).isEqualTo("c".repeat(60) + ".md");
        assertThat(field(deep, UstarEntry.PREFIX_OFFSET, 155)).isEqualTo("a/" + "b".repeat(60));
    }

    @Test
    void paths_that_cannot_be_split_get_a_pax_header_and_still_read_back_whole() throws IOException {
        String tooLong = "x/".repeat(100) + "y".repeat(60) + ".md";
        String longName = "scripts/" + "n".repeat(110) + ".sh";
        String nonAscii = "references/" + "é".repeat(60) + "/notes.md";

        for (String path : List.of(tooLong, longName, nonAscii)) {
            Bundle bundle = bundle(path);
            List<byte[]> headers = headers(bundle.archive());

            assertThat(headers).as(path).hasSize(3);
            assertThat((char) headers.get(1)[156]).as(path).isEqualTo('x');
            assertThat(readBack(bundle.archive())).as(path).containsExactly("SKILL.md", path);
            assertThat(new ArchiveReader(ArchiveLimits.DEFAULT).read(bundle.archive()).contentDigest()).as(path)
                    .isEqualTo(bundle.contentDigest());
        }
    }

    @Test
    void short_paths_keep_their_plain_headers() throws IOException {
        List<byte[]> headers = headers(bundle("scripts/run.sh").archive());

        assertThat(headers).hasSize(2);
        assertThat(field(headers.get(1), 0, 100)).isEqualTo("scripts/run.sh");
        assertThat(field(headers.get(1), UstarEntry.PREFIX_OFFSET, 155)).isEmpty();
    }
}
