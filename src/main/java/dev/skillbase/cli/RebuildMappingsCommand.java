package dev.skillbase.cli;

import dev.skillbase.registry.LocalRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code skillbase admin rebuild-mappings}: infers every skill's package mappings again. */
@Command(
        name = "rebuild-mappings",
        mixinStandardHelpOptions = true,
        description = {
            "Infers the package mappings of every skill again from its latest version, in one transaction; manual "
                    + "mappings stay. Publishing infers a skill's mappings already: run this after the alias file "
                    + "changed (a new skillbase version) or on a database published to before mappings existed."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "2:usage error (malformed --db URL)",
            "3:environment error (database unreachable)"
        })
final class RebuildMappingsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Override
    public Integer call() {
        int skills;
        try (LocalRegistry registry = db.openLocal()) {
            skills = registry.mappings().rebuildInferred();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("package mappings inferred again for " + skills + " skills");
        out.flush();
        return ExitCodes.OK;
    }
}
