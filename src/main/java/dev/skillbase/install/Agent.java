package dev.skillbase.install;

import java.util.List;

/**
 * One coding agent and where it reads skills: {@code projectDir} relative to the project root, {@code globalDir} a
 * path template starting with {@code ~/} or {@code $XDG_CONFIG_HOME/}, and the files or folders whose presence says
 * the agent is used in a project or in the home folder (templates of the same kinds).
 */
public record Agent(String id, String name, String projectDir, String globalDir, List<String> projectMarkers,
        List<String> homeMarkers) {

    public Agent {
        projectMarkers = List.copyOf(projectMarkers);
        homeMarkers = List.copyOf(homeMarkers);
    }
}
