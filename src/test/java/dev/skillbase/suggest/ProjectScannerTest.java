package dev.skillbase.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectScannerTest {
    private static final Path MONOREPO = Path.of("src/test/resources/projects/monorepo");

    @TempDir
    Path temp;

    private static List<String> ids(List<DeclaredPackage> packages) {
        return packages.stream().map(p -> p.pkg().toString()).toList();
    }

    private Path copyOfMonorepo() throws IOException {
        Path copy = temp.resolve("monorepo");
        try (Stream<Path> files = Files.walk(MONOREPO)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(MONOREPO.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    @Test
    void reads_every_manifest_format_of_a_monorepo() {
        List<String> found = ids(new ProjectScanner(ProjectScanner.DEFAULT_DEPTH).scan(MONOREPO));

        assertThat(found).contains(
                "npm:typescript", "npm:prettier", "npm:next", "npm:react", "npm:@prisma/client", "npm:react-dom",
                "maven:org.springframework.boot:spring-boot-starter-parent",
                "maven:org.springframework.boot:spring-boot-starter-web", "maven:org.postgresql:postgresql",
                "maven:com.acme:shared", "maven:org.springframework.boot:spring-boot-maven-plugin",
                "maven:org.springframework.boot:spring-boot-dependencies",
                "maven:org.springframework.boot:spring-boot-starter-actuator",
                "maven:com.fasterxml.jackson.module:jackson-module-kotlin", "maven:org.junit.jupiter:junit-jupiter",
                "maven:org.springframework.boot:org.springframework.boot.gradle.plugin",
                "maven:org.hibernate.orm:hibernate-core", "maven:org.projectlombok:lombok",
                "pypi:django", "pypi:apache-airflow", "pypi:numpy", "pypi:scikit-learn", "pypi:pytest",
                "pypi:pandas", "pypi:pydantic", "pypi:matplotlib", "pypi:fastapi", "pypi:sqlalchemy", "pypi:ruff",
                "go:github.com/spf13/cobra", "go:github.com/gin-gonic/gin",
                "cargo:tokio", "cargo:serde", "cargo:serde_json", "cargo:insta", "cargo:nix",
                "gem:rails", "gem:rspec-rails", "composer:laravel/framework", "composer:phpunit/phpunit");
        assertThat(found).doesNotContain("pypi:python", "composer:php", "composer:ext-json", "go:golang.org/x/sys",
                "cargo:json", "gem:commented", "maven:org.commented:out", "npm:too-deep", "pypi:private",
                "pypi:local-package");
        assertThat(found).noneMatch(id -> id.contains("$") || id.contains("ghost"));
        assertThat(found).doesNotHaveDuplicates();
    }

    @Test
    void names_the_manifests_that_declare_a_package() {
        List<DeclaredPackage> packages = new ProjectScanner(ProjectScanner.DEFAULT_DEPTH).scan(MONOREPO);

        assertThat(packages).filteredOn(p -> p.pkg().toString().equals("maven:org.postgresql:postgresql"))
                .singleElement().satisfies(p -> assertThat(p.manifests())
                        .containsExactlyInAnyOrder("services/api/pom.xml", "services/worker/build.gradle.kts"));
    }

    @Test
    void skips_dependency_folders_build_output_and_hidden_folders() throws IOException {
        Path project = copyOfMonorepo();
        for (String skipped : List.of("node_modules/left-pad", "apps/web/node_modules/lodash", "target/classes",
                "build", "dist", ".venv/lib", "vendor/x")) {
            Files.createDirectories(project.resolve(skipped));
            Files.writeString(project.resolve(skipped).resolve("package.json"),
                    "{\"dependencies\": {\"from-" + skipped.replaceAll("[^a-z]", "") + "\": \"1\"}}");
        }

        List<String> found = ids(new ProjectScanner(ProjectScanner.DEFAULT_DEPTH).scan(project));

        assertThat(found).contains("npm:react").noneMatch(id -> id.startsWith("npm:from-"));
    }

    @Test
    void the_depth_bounds_how_far_down_manifests_are_looked_for() {
        assertThat(ids(new ProjectScanner(0).scan(MONOREPO))).containsExactly("npm:prettier", "npm:typescript");
        assertThat(ids(new ProjectScanner(5).scan(MONOREPO))).contains("npm:too-deep");
        assertThat(ids(new ProjectScanner(1).scan(MONOREPO))).contains("gem:rails").doesNotContain("npm:react");
    }

    @Test
    void a_malformed_manifest_is_an_error_naming_the_file() throws IOException {
        Files.writeString(temp.resolve("package.json"), "{\"dependencies\": {\"react\": ");
        assertThatThrownBy(() -> new ProjectScanner(2).scan(temp)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("package.json").hasMessageContaining("not valid JSON");

        Path pom = Files.createDirectories(temp.resolve("pom"));
        Files.writeString(pom.resolve("pom.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <project><dependencies><dependency><groupId>&xxe;</groupId><artifactId>a</artifactId>
                </dependency></dependencies></project>""");
        assertThatThrownBy(() -> new ProjectScanner(0).scan(pom)).isInstanceOf(ManifestException.class)
                .hasMessageContaining("pom.xml").hasMessageContaining("not valid XML");

        Path toml = Files.createDirectories(temp.resolve("toml"));
        Files.writeString(toml.resolve("Cargo.toml"), "[dependencies\ntokio = 1");
        assertThatThrownBy(() -> new ProjectScanner(0).scan(toml)).hasMessageContaining("not valid TOML");
    }
}
