package dev.skillbase.cli;

import dev.skillbase.registry.OfflineCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code skillbase cache}: where the offline cache of registry answers is, and emptying it. */
@Command(
        name = "cache",
        mixinStandardHelpOptions = true,
        description = "The offline cache: what registry servers answered, read when they cannot be reached.",
        subcommands = {CacheCommand.Dir.class, CacheCommand.Clean.class})
final class CacheCommand extends CommandGroup {

    static Path folder(CommandSpec spec) {
        return OfflineCache.defaultFolder(SkillbaseCommand.env(spec));
    }

    @Command(name = "dir", mixinStandardHelpOptions = true,
            description = "Prints the folder of the offline cache ($XDG_CACHE_HOME/skillbase/registry, else "
                    + "~/.cache/skillbase/registry); it may not exist yet.")
    static final class Dir implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.println(folder(spec));
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "clean", mixinStandardHelpOptions = true,
            description = "Deletes the offline cache: of every registry, or of the one --registry names.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:success (also when there was nothing to delete)",
                "2:usage error (malformed --registry URL)",
                "3:environment error (a file could not be deleted)"
            })
    static final class Clean implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--registry", paramLabel = "URL", description = "Only this registry's cached answers.")
        String registry;

        @Override
        public Integer call() {
            Path root = folder(spec);
            Path target = registry == null ? root
                    : OfflineCache.in(root, line -> { }).folderOf(registry).orElseThrow();
            long files = delete(target);
            PrintWriter out = spec.commandLine().getOut();
            out.println("deleted " + files + " cached file" + (files == 1 ? "" : "s") + " from " + target);
            out.flush();
            return ExitCodes.OK;
        }

        /** Deletes {@code dir} and everything below it; returns how many files there were. */
        private static long delete(Path dir) {
            if (!Files.isDirectory(dir)) {
                return 0;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
                long files = paths.stream().filter(Files::isRegularFile).count();
                for (Path path : paths) {
                    Files.deleteIfExists(path);
                }
                return files;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the offline cache " + dir, e);
            }
        }
    }
}
