package dev.skillbase.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LockfileTest {
    @TempDir
    Path tmp;

    private static LockEntry entry(String source, List<String> agents, String at) {
        TreeMap<String, String> files = new TreeMap<>();
        files.put("scripts/run.sh", "sha256:2");
        files.put("SKILL.md", "sha256:1");
        return new LockEntry("registry", source, "^1.0", "1.2.0", "sha256:c", "sha256:a", files, agents, "project",
                false, at);
    }

    @Test
    void writes_sorted_stable_bytes_and_reads_them_back() throws IOException {
        Path file = tmp.resolve("skillbase.lock");
        Lockfile lock = Lockfile.empty().with("zeta", entry("acme/zeta", List.of("cursor", "claude-code"), "t1"))
                .with("alpha", entry("acme/alpha", List.of("goose"), "t1"));

        lock.write(file);
        Lockfile read = Lockfile.read(file);

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text.indexOf("\"alpha\"")).isLessThan(text.indexOf("\"zeta\""));
        assertThat(text.indexOf("\"agents\"")).isLessThan(text.indexOf("\"archiveDigest\""));
        assertThat(text.indexOf("\"SKILL.md\"")).isLessThan(text.indexOf("\"scripts/run.sh\""));
        assertThat(text).contains("[ \"claude-code\", \"cursor\" ]").endsWith("}\n");
        assertThat(read).isEqualTo(lock);
        assertThat(read.bytes()).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void install_times_do_not_make_two_lockfiles_differ_but_anything_else_does() {
        Lockfile a = Lockfile.empty().with("x", entry("acme/x", List.of("goose"), "t1"));

        assertThat(a.sameAs(Lockfile.empty().with("x", entry("acme/x", List.of("goose"), "t2")))).isTrue();
        assertThat(a.sameAs(Lockfile.empty().with("x", entry("acme/x", List.of("roo"), "t1")))).isFalse();
        assertThat(a.sameAs(Lockfile.empty().with("x", entry("team/x", List.of("goose"), "t1")))).isFalse();
        assertThat(a.sameAs(Lockfile.empty())).isFalse();
    }

    @Test
    void an_empty_lockfile_removes_the_file_and_a_broken_one_is_named() throws IOException {
        Path file = tmp.resolve("skillbase.lock");
        Lockfile.empty().with("x", entry("acme/x", List.of("goose"), "t1")).write(file);
        Lockfile.empty().write(file);
        assertThat(file).doesNotExist();
        assertThat(Lockfile.read(file).skills()).isEmpty();

        Files.writeString(file, "{ not json");
        assertThatThrownBy(() -> Lockfile.read(file)).isInstanceOf(LockfileException.class)
                .hasMessageContaining(file.toString());
        Files.writeString(file, "{\"lockfileVersion\": 7, \"skills\": {}}");
        assertThatThrownBy(() -> Lockfile.read(file)).hasMessageContaining("format version 7");
    }
}
