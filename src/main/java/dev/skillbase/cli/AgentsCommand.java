package dev.skillbase.cli;

import dev.skillbase.install.Agent;
import dev.skillbase.install.AgentCatalog;
import dev.skillbase.install.Places;
import dev.skillbase.install.Scope;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code skillbase agents}: the agents skillbase installs into, their folders, and which are detected. */
@Command(
        name = "agents",
        mixinStandardHelpOptions = true,
        description = "Lists the agents skills can be installed into, with their project and global skill folders "
                + "and whether each is detected in this project or in the home folder.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:usage error (bad option)"})
final class AgentsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    JsonOption json;

    @Mixin
    InstallScopeOptions scope;

    record AgentJson(String id, String name, String projectDir, String globalDir, boolean detectedInProject,
            boolean detectedInHome) {
    }

    record AgentsJson(int agentsFileVersion, List<AgentJson> agents) {
    }

    @Override
    public Integer call() {
        AgentCatalog catalog = AgentCatalog.builtIn();
        Places places = scope.places(SkillbaseCommand.env(spec));
        List<AgentJson> agents = catalog.all().stream().map(a -> new AgentJson(a.id(), a.name(),
                places.skillsDir(a, Scope.PROJECT).toString(), places.skillsDir(a, Scope.GLOBAL).toString(),
                places.detectedInProject(a), places.detectedInHome(a))).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json.enabled) {
            Json.print(out, new AgentsJson(catalog.version(), agents));
            return ExitCodes.OK;
        }
        Table table = Table.of("AGENT", "NAME", "PROJECT FOLDER", "GLOBAL FOLDER", "DETECTED");
        for (int i = 0; i < agents.size(); i++) {
            AgentJson a = agents.get(i);
            Agent agent = catalog.all().get(i);
            table.row(a.id(), a.name(), agent.projectDir(), agent.globalDir(), detected(a));
        }
        table.print(out);
        out.flush();
        return ExitCodes.OK;
    }

    private static String detected(AgentJson agent) {
        if (agent.detectedInProject() && agent.detectedInHome()) {
            return "project, home";
        }
        return agent.detectedInProject() ? "project" : agent.detectedInHome() ? "home" : "-";
    }
}
