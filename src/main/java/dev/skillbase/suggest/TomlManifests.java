package dev.skillbase.suggest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.toml.TomlMapper;

/**
 * {@code pyproject.toml}: PEP 621 ({@code project.dependencies}, {@code project.optional-dependencies.*}) and Poetry
 * ({@code tool.poetry.dependencies} but {@code python}, {@code tool.poetry.dev-dependencies},
 * {@code tool.poetry.group.*.dependencies}); and {@code Cargo.toml}: the keys of {@code dependencies},
 * {@code dev-dependencies}, {@code build-dependencies}, {@code workspace.dependencies} and
 * {@code target.*.dependencies}, under the crate name a {@code package = "..."} rename gives.
 */
final class TomlManifests {
    private static final TomlMapper MAPPER = TomlMapper.builder().build();
    /** The distribution name at the start of a PEP 508 requirement. */
    static final Pattern REQUIREMENT = Pattern.compile("^\\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)");
    private static final List<String> CARGO_SECTIONS = List.of("dependencies", "dev-dependencies",
            "build-dependencies");

    private TomlManifests() {
    }

    static final Manifest PYPROJECT = new Manifest() {
        @Override
        public boolean accepts(String fileName) {
            return fileName.equals("pyproject.toml");
        }

        @Override
        public List<PackageId> read(Path file) {
            JsonNode root = parse(file);
            List<PackageId> found = new ArrayList<>();
            JsonNode project = root.path("project");
            requirements(project.path("dependencies"), found);
            project.path("optional-dependencies").forEach(extra -> requirements(extra, found));
            JsonNode poetry = root.path("tool").path("poetry");
            poetryKeys(poetry.path("dependencies"), found);
            poetryKeys(poetry.path("dev-dependencies"), found);
            poetry.path("group").forEach(group -> poetryKeys(group.path("dependencies"), found));
            return found;
        }
    };

    static final Manifest CARGO = new Manifest() {
        @Override
        public boolean accepts(String fileName) {
            return fileName.equals("Cargo.toml");
        }

        @Override
        public List<PackageId> read(Path file) {
            JsonNode root = parse(file);
            List<PackageId> found = new ArrayList<>();
            CARGO_SECTIONS.forEach(section -> crates(root.path(section), found));
            crates(root.path("workspace").path("dependencies"), found);
            root.path("target").forEach(target -> CARGO_SECTIONS.forEach(s -> crates(target.path(s), found)));
            return found;
        }
    };

    private static void requirements(JsonNode list, List<PackageId> found) {
        for (JsonNode requirement : list) {
            Matcher name = REQUIREMENT.matcher(requirement.asString(""));
            if (name.find()) {
                Lines.add(found, Ecosystem.PYPI, name.group(1));
            }
        }
    }

    private static void poetryKeys(JsonNode table, List<PackageId> found) {
        for (String name : table.propertyNames()) {
            if (!name.equalsIgnoreCase("python")) {
                Lines.add(found, Ecosystem.PYPI, name);
            }
        }
    }

    private static void crates(JsonNode table, List<PackageId> found) {
        for (Map.Entry<String, JsonNode> crate : table.properties()) {
            String renamed = crate.getValue().path("package").asString("");
            Lines.add(found, Ecosystem.CARGO, renamed.isEmpty() ? crate.getKey() : renamed);
        }
    }

    private static JsonNode parse(Path file) {
        try {
            return MAPPER.readTree(Files.readAllBytes(file));
        } catch (JacksonException e) {
            throw new ManifestException(file, "not valid TOML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ManifestException(file, "cannot be read: " + e.getMessage(), e);
        }
    }
}
