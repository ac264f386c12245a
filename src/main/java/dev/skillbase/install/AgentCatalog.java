package dev.skillbase.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agents skillbase installs into, read once from the versioned resource {@code agents.json} (data, not code:
 * agents and their folders change more often than the installer). Immutable and thread-safe.
 */
public final class AgentCatalog {
    private static final String RESOURCE = "agents.json";

    private final int version;
    private final String canonicalProject;
    private final String canonicalGlobal;
    private final Map<String, Agent> agents;

    private AgentCatalog(int version, String canonicalProject, String canonicalGlobal, Map<String, Agent> agents) {
        this.version = version;
        this.canonicalProject = canonicalProject;
        this.canonicalGlobal = canonicalGlobal;
        this.agents = agents;
    }

    /** The catalog shipped with skillbase. */
    public static AgentCatalog builtIn() {
        try (InputStream in = AgentCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the agents file " + RESOURCE + " is missing from the skillbase jar");
            }
            return parse(JsonMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the agents file " + RESOURCE, e);
        }
    }

    static AgentCatalog parse(JsonNode root) {
        Map<String, Agent> agents = new LinkedHashMap<>();
        for (JsonNode node : root.path("agents")) {
            Agent agent = new Agent(node.path("id").asString(), node.path("name").asString(),
                    node.path("project").asString(), node.path("global").asString(),
                    strings(node.path("detect").path("project")), strings(node.path("detect").path("home")));
            agents.put(agent.id(), agent);
        }
        return new AgentCatalog(root.path("version").asInt(), root.path("canonical").path("project").asString(),
                root.path("canonical").path("global").asString(), agents);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    /** The version of the agents file. */
    public int version() {
        return version;
    }

    /** Every agent, sorted by id. */
    public List<Agent> all() {
        return List.copyOf(agents.values());
    }

    public Optional<Agent> find(String id) {
        return Optional.ofNullable(agents.get(id));
    }

    /**
     * The agents named by {@code ids}, in the order given, without repeats.
     *
     * @throws UnknownAgentException naming every id that is not listed, and the ids that are
     */
    public List<Agent> select(List<String> ids) {
        List<Agent> chosen = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            Agent agent = agents.get(id.strip());
            if (agent == null) {
                unknown.add(id);
            } else if (!chosen.contains(agent)) {
                chosen.add(agent);
            }
        }
        if (!unknown.isEmpty()) {
            throw new UnknownAgentException("unknown agent" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + ": known agents are " + String.join(", ", agents.keySet())
                    + " (see skillbase agents)");
        }
        return chosen;
    }

    /** The shared folder that holds the one real copy of each skill: a template as in {@link Agent}. */
    public String canonicalDir(Scope scope) {
        return scope == Scope.PROJECT ? canonicalProject : canonicalGlobal;
    }
}
