package dev.skillbase.testing;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.SkillRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Executable skills for tests: a real skill folder (SKILL.md, skill.run.json, optional scripts) written to disk and
 * published through the registry, as a user would.
 */
public final class ExecSkills {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Accepts any object; the output must be an object. */
    public static final Map<String, Object> ANY_OBJECT = Map.of("type", "object");

    private ExecSkills() {
    }

    /** Publishes {@code namespace/name@1.0.0} whose entry is {@code sh -c SCRIPT} with the manifest's other fields. */
    public static SkillRef shell(LocalRegistry registry, Path workDir, String namespace, String name, String script,
            Map<String, Object> manifestExtras) {
        Map<String, Object> manifest = new java.util.LinkedHashMap<>();
        manifest.put("command", List.of("sh", "-c", script));
        manifest.put("input", ANY_OBJECT);
        manifest.put("output", ANY_OBJECT);
        manifest.putAll(manifestExtras);
        return publish(registry, workDir, namespace, name, manifest, Map.of());
    }

    /** Publishes {@code namespace/name@1.0.0} with this manifest and these extra files (path to content). */
    public static SkillRef publish(LocalRegistry registry, Path workDir, String namespace, String name,
            Map<String, Object> manifest, Map<String, String> files) {
        Path dir = workDir.resolve(namespace + "-" + System.nanoTime()).resolve(name);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("SKILL.md"), "---\nname: " + name + "\ndescription: A test skill that "
                    + "runs a script.\n---\n# " + name + "\n\nRuns a script.\n", StandardCharsets.UTF_8);
            Files.write(dir.resolve("skill.run.json"), JSON.writeValueAsBytes(manifest));
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.publish(TestRequests.of(dir, namespace, "1.0.0", "testing/exec", List.of("exec")));
        return new SkillRef(namespace, name);
    }
}
