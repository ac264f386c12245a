package dev.skillbase.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentCatalogTest {
    private static final AgentCatalog CATALOG = AgentCatalog.builtIn();
    private static final Places PLACES = Places.of(Path.of("/work/project"),
            Map.of("HOME", "/home/me", "XDG_CONFIG_HOME", "relative/ignored"));

    @Test
    void lists_the_agents_the_issue_names_with_well_formed_folders() {
        assertThat(CATALOG.version()).isPositive();
        assertThat(CATALOG.all()).extracting(Agent::id).contains("claude-code", "codex", "cursor", "github-copilot",
                "gemini-cli", "opencode", "windsurf", "cline", "goose", "kiro-cli", "roo", "amp", "junie",
                "antigravity", "droid").doesNotHaveDuplicates();
        for (Agent agent : CATALOG.all()) {
            assertThat(agent.projectDir()).as(agent.id()).endsWith("skills").doesNotStartWith("/");
            assertThat(agent.globalDir()).as(agent.id()).matches("(~|\\$XDG_CONFIG_HOME)/.*skills");
            assertThat(agent.homeMarkers()).as(agent.id()).isNotEmpty();
            PLACES.skillsDir(agent, Scope.GLOBAL);
        }
    }

    @Test
    void folders_resolve_against_the_project_the_home_and_xdg_config() {
        Agent claude = CATALOG.find("claude-code").orElseThrow();
        Agent opencode = CATALOG.find("opencode").orElseThrow();

        assertThat(PLACES.skillsDir(claude, Scope.PROJECT)).isEqualTo(Path.of("/work/project/.claude/skills"));
        assertThat(PLACES.skillsDir(claude, Scope.GLOBAL)).isEqualTo(Path.of("/home/me/.claude/skills"));
        assertThat(PLACES.skillsDir(opencode, Scope.GLOBAL)).isEqualTo(Path.of("/home/me/.config/opencode/skills"));
        assertThat(PLACES.lockfile(Scope.PROJECT)).isEqualTo(Path.of("/work/project/skillbase.lock"));
        assertThat(PLACES.lockfile(Scope.GLOBAL)).isEqualTo(Path.of("/home/me/.local/state/skillbase/skillbase.lock"));
    }

    @Test
    void unknown_agents_are_named_with_the_known_ones() {
        assertThat(CATALOG.select(List.of("cursor", "claude-code", "cursor"))).extracting(Agent::id)
                .containsExactly("cursor", "claude-code");
        assertThatThrownBy(() -> CATALOG.select(List.of("vim", "cursor", "emacs")))
                .isInstanceOf(UnknownAgentException.class).hasMessageContaining("unknown agents vim, emacs")
                .hasMessageContaining("claude-code");
    }
}
