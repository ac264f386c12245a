package dev.skillbase.suggest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code package.json} (the keys of dependencies, devDependencies, peerDependencies and optionalDependencies) and
 * {@code composer.json} (the keys of require and require-dev that are {@code vendor/package}: not {@code php} nor
 * {@code ext-*} platform requirements).
 */
final class JsonManifests {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonManifests() {
    }

    static final Manifest NPM = new Manifest() {
        @Override
        public boolean accepts(String fileName) {
            return fileName.equals("package.json");
        }

        @Override
        public List<PackageId> read(Path file) {
            return keys(file, Ecosystem.NPM,
                    List.of("dependencies", "devDependencies", "peerDependencies", "optionalDependencies"));
        }
    };

    static final Manifest COMPOSER = new Manifest() {
        @Override
        public boolean accepts(String fileName) {
            return fileName.equals("composer.json");
        }

        @Override
        public List<PackageId> read(Path file) {
            return keys(file, Ecosystem.COMPOSER, List.of("require", "require-dev")).stream()
                    .filter(id -> id.name().contains("/")).toList();
        }
    };

    private static List<PackageId> keys(Path file, Ecosystem ecosystem, List<String> sections) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readAllBytes(file));
        } catch (JacksonException e) {
            throw new ManifestException(file, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new ManifestException(file, "cannot be read: " + e.getMessage(), e);
        }
        List<PackageId> found = new ArrayList<>();
        for (String section : sections) {
            JsonNode deps = root.path(section);
            if (deps.isObject()) {
                for (String name : deps.propertyNames()) {
                    Lines.add(found, ecosystem, name);
                }
            }
        }
        return found;
    }
}
