package dev.skillbase.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.testing.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A temporary HOME and project for install tests (never the real HOME), the environment that points the CLI at them,
 * and skill folders to publish. Registry options ({@code --db URL} or {@code --registry URL}) are appended to the
 * commands that read a registry.
 */
final class Sandbox {
    final Path root;
    final Path home;
    final Path project;
    final Map<String, String> env;
    final List<String> registry;

    Sandbox(Path root, String... registryOptions) {
        this.root = root;
        this.home = mkdirs(root.resolve("home"));
        this.project = mkdirs(root.resolve("project"));
        this.env = Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve(".config").toString(),
                "XDG_STATE_HOME", home.resolve(".local/state").toString());
        this.registry = List.of(registryOptions);
    }

    static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A skill folder {@code NAME} with a SKILL.md (and a script), in its own parent folder per call. */
    Path skillFolder(String name, String version, String body) {
        Path dir = mkdirs(root.resolve("src").resolve(name + "-" + version + "-" + Math.abs(body.hashCode()))
                .resolve(name));
        write(dir.resolve("SKILL.md"), "---\nname: " + name + "\ndescription: " + name + " for tests.\nmetadata:\n"
                + "  version: \"" + version + "\"\n---\n# " + name + "\n\n" + body + "\n");
        write(dir.resolve("scripts/run.sh"), "#!/bin/sh\necho " + name + " " + version + "\n");
        dir.resolve("scripts/run.sh").toFile().setExecutable(true);
        return dir;
    }

    /** Publishes {@code ns/name@version} through the CLI into the sandbox's registry. */
    void publish(String namespace, String name, String version, String body) {
        CliRun.Result result = cli("publish", skillFolder(name, version, body).toString(), "--namespace", namespace,
                "--version", version);
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    /** A command that reads the registry, run in the project with the sandbox's environment. */
    CliRun.Result cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(registry);
        if (!args[0].equals("publish")) {
            all.add("--project");
            all.add(project.toString());
        }
        return CliRun.run(env, all.toArray(String[]::new));
    }

    /** A command that reads no registry. */
    CliRun.Result local(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--project");
        all.add(project.toString());
        return CliRun.run(env, all.toArray(String[]::new));
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try {
            SkillFolders.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file, folder and link under {@code dir} with what it is (links with their target), sorted. */
    static Map<String, String> tree(Path dir) {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                String kind = Files.isSymbolicLink(p) ? "link -> " + Files.readSymbolicLink(p)
                        : Files.isDirectory(p) ? "dir" : "file " + Files.size(p);
                tree.put(dir.relativize(p).toString(), kind);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree;
    }
}
