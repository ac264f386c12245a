package dev.skillbase.cli;

import dev.skillbase.store.SqliteNativeLibrary;
import java.nio.file.Path;
import java.util.Map;

/** Entry point of the {@code skillbase} program. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            // answered before picocli builds its model of every command, which costs about half of a
            // --version run's time; the output is the same as picocli's
            System.out.println(new VersionProvider().getVersion()[0]);
            System.exit(ExitCodes.OK);
        }
        // copied (or checked) only when the command opens an SQLite database, not for one on a registry server
        SqliteNativeLibrary.useCopyInWhenOpened(nativeLibraryFolder(System.getenv()));
        // the embedding model's tokenizer keeps its native library there too, not in ~/.djl.ai
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", nativeLibraryFolder(System.getenv()).resolveSibling("djl").toString());
        }
        System.exit(run(args));
    }

    /** Runs one command line in process and returns its exit code; used by {@link #main} and by tests. */
    public static int run(String... args) {
        return SkillbaseCommand.commandLine(System.getenv(), args).execute(args);
    }

    /** Where SQLite's native library is kept: {@code $XDG_CACHE_HOME/skillbase/sqlite}, else under {@code ~/.cache}. */
    static Path nativeLibraryFolder(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("skillbase").resolve("sqlite");
    }
}
