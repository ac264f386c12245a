package dev.skillbase.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteNativeLibraryTest {
    @TempDir
    Path folder;

    private static byte[] library() throws IOException {
        try (InputStream in = SqliteNativeLibrary.class.getResourceAsStream(SqliteNativeLibrary.RESOURCE)) {
            assertThat(in).as("sqlite-jdbc's Linux x86-64 library on the class path").isNotNull();
            return in.readAllBytes();
        }
    }

    private Path copy() throws IOException {
        Optional<Path> copy = SqliteNativeLibrary.copyIn(folder);
        assertThat(copy).as("the library is in sqlite-jdbc's jar").isPresent();
        return copy.get();
    }

    @Test
    void writes_a_copy_of_the_library_named_by_the_jars_checksum_and_size() throws IOException {
        Path copy = copy();

        assertThat(copy.getParent()).isEqualTo(folder);
        assertThat(copy.getFileName().toString()).matches("libsqlitejdbc-[0-9a-f]{8}-" + library().length + "\\.so");
        assertThat(Files.readAllBytes(copy)).isEqualTo(library());
        assertThat(folder).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void reuses_an_intact_copy_without_writing_it_again() throws IOException {
        Path copy = copy();
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(copy, old);

        assertThat(copy()).isEqualTo(copy);
        assertThat(Files.getLastModifiedTime(copy)).isEqualTo(old);
    }

    @Test
    void writes_again_a_copy_that_was_altered_or_truncated() throws IOException {
        Path copy = copy();
        byte[] altered = library();
        altered[altered.length / 2] ^= 1;
        Files.write(copy, altered);

        assertThat(Files.readAllBytes(copy())).isEqualTo(library());

        Files.write(copy, new byte[] {1, 2, 3});
        assertThat(Files.readAllBytes(copy())).isEqualTo(library());
    }

    @Test
    void removes_copies_of_other_builds_when_it_writes_one() throws IOException {
        Path stale = Files.writeString(folder.resolve("libsqlitejdbc-0badcafe-12.so"), "old build");
        Path unrelated = Files.writeString(folder.resolve("notes.txt"), "kept");

        Path copy = copy();

        assertThat(stale).doesNotExist();
        assertThat(unrelated).exists();
        assertThat(copy).exists();
    }

    @Test
    void creates_the_folder_when_missing() throws IOException {
        Path nested = folder.resolve("cache/skillbase/sqlite");

        Optional<Path> copy = SqliteNativeLibrary.copyIn(nested);

        assertThat(copy).hasValueSatisfying(path -> assertThat(path).hasParent(nested).exists());
    }
}
