package dev.skillbase.cli;

import dev.skillbase.store.SqliteNativeLibrary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The training run of the launcher's JDK AOT cache: the everyday commands, once each, in one process (a cache is
 * recorded from one run), so that the classes and profiles of all of them are in it, not only those of a push.
 * Everything happens inside the folder given: a database, two skills, a project, and HOME and the XDG folders the
 * commands read; nothing outside it is read or written. The commands that talk to a registry server run against a
 * {@code skillbase serve} started in a child process on a free local port ({@link TrainingServer}), so that the
 * HTTP client and its TLS set-up are in the cache too; the training database is created (migrated) in a child process
 * beforehand, so that the migrations' classes, which a command needs once per database, are not. Not a command for
 * users:
 * {@code java -XX:AOTCacheOutput=... -cp skillbase.jar dev.skillbase.cli.AotTraining FOLDER}.
 */
public final class AotTraining {

    private AotTraining() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: AotTraining FOLDER");
            System.exit(ExitCodes.USAGE);
        }
        List<String> failures = train(Path.of(args[0]).toAbsolutePath());
        failures.forEach(System.err::println);
        System.exit(failures.isEmpty() ? ExitCodes.OK : ExitCodes.INVALID);
    }

    /** Runs the commands in {@code folder} (which should be empty) and returns those that failed, with their output. */
    static List<String> train(Path folder) {
        Map<String, String> env = Map.of(
                "HOME", folder.resolve("home").toString(),
                "XDG_CACHE_HOME", folder.resolve("cache").toString(),
                "XDG_DATA_HOME", folder.resolve("data").toString(),
                "XDG_STATE_HOME", folder.resolve("state").toString(),
                "XDG_CONFIG_HOME", folder.resolve("config").toString());
        SqliteNativeLibrary.useCopyIn(Main.nativeLibraryFolder(env));
        Path skills = folder.resolve("skills");
        writeSkill(skills, "aot-training", "Trains the start-up cache.");
        writeSkill(skills, "aot-second", "A second skill, so that lists have more than one row.");
        try {
            TrainingServer.createDatabase(env, folder.resolve("training.db"));
        } catch (IllegalStateException | UncheckedIOException e) {
            // the commands below create it themselves then (and the migrations' classes go into the cache)
            System.err.println("AOT training: " + e.getMessage());
        }
        List<String> failures = new ArrayList<>(run(env, localCommands(folder, skills)));
        try (TrainingServer server = TrainingServer.start(env, folder.resolve("server.db"))) {
            failures.addAll(run(env, registryCommands(server.url(), folder, skills)));
        } catch (IllegalStateException | UncheckedIOException e) {
            // no server here (no loopback, no free port...): a cache without the registry commands is still worth it,
            // and a failed training would be run again by the launcher on every command
            System.err.println("AOT training: the registry commands are skipped: " + e.getMessage());
        }
        return failures;
    }

    /** The commands on a database, in process. */
    private static List<List<String>> localCommands(Path folder, Path skills) {
        String db = "sqlite:" + folder.resolve("training.db");
        String project = folder.resolve("project").toString();
        return List.of(
                List.of("validate", skills.toString()),
                List.of("push", "--json", "--db", db, skills.toString()),
                List.of("push", "--db", db, skills.toString()),
                List.of("list", "--db", db),
                List.of("list", "--json", "--db", db),
                List.of("show", "--db", db, "local/aot-training"),
                List.of("show", "--json", "--db", db, "local/aot-training"),
                List.of("search", "--db", db, "training"),
                List.of("search", "--json", "--db", db, "training"),
                List.of("stats", "--db", db),
                List.of("stats", "--json", "--db", db),
                List.of("sync", "--db", db, skills.toString()),
                List.of("pull", "--db", db, folder.resolve("pulled").toString()),
                List.of("install", "--db", db, "--agent", "claude-code", "--project", project, "local/aot-training"),
                List.of("list", "--installed", "--project", project),
                List.of("verify", "--project", project));
    }

    /** The commands that talk to the registry server at {@code url} (the HTTP client's classes and TLS set-up). */
    private static List<List<String>> registryCommands(String url, Path folder, Path skills) {
        String project = folder.resolve("remote-project").toString();
        return List.of(
                List.of("publish", "--namespace", "aot", "--registry", url, skills.resolve("aot-training").toString()),
                List.of("publish", "--json", "--namespace", "aot", "--registry", url,
                        skills.resolve("aot-second").toString()),
                List.of("show", "--registry", url, "aot/aot-training"),
                List.of("show", "--json", "--registry", url, "aot/aot-training"),
                List.of("list", "--registry", url),
                List.of("search", "--registry", url, "training"),
                List.of("install", "--registry", url, "--agent", "claude-code", "--project", project,
                        "aot/aot-training"),
                List.of("outdated", "--registry", url, "--project", project));
    }

    private static List<String> run(Map<String, String> env, List<List<String>> commands) {
        List<String> failures = new ArrayList<>();
        for (List<String> command : commands) {
            String[] args = command.toArray(String[]::new);
            StringWriter output = new StringWriter();
            CommandLine cli = SkillbaseCommand.commandLine(env, args);
            cli.setOut(new PrintWriter(output, true));
            cli.setErr(new PrintWriter(output, true));
            int exit = cli.execute(args);
            if (exit != ExitCodes.OK) {
                failures.add("skillbase " + String.join(" ", command) + ": exit " + exit + "\n" + output);
            }
        }
        return failures;
    }

    private static void writeSkill(Path skills, String name, String description) {
        try {
            Path folder = Files.createDirectories(skills.resolve(name));
            Files.writeString(folder.resolve("SKILL.md"), "---\nname: " + name + "\ndescription: " + description
                    + "\nmetadata:\n  version: \"1.0.0\"\n---\n# " + name + "\n\nSteps to follow.\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the training skill " + name + " under " + skills, e);
        }
    }
}
