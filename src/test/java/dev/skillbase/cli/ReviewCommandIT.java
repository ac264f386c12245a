package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.account.Scope;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.server.PublishGuard;
import dev.skillbase.server.ServerSettings;
import dev.skillbase.server.SkillbaseServer;
import dev.skillbase.testing.CliRun;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import dev.skillbase.testing.TestRequests;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** {@code skillbase review NS/NAME} end to end: on a database ({@code --db}) and on a server ({@code --registry}). */
class ReviewCommandIT {
    @TempDir
    Path tmp;

    private Cli pushed(DbKind kind) {
        Cli cli = new Cli(TestDatabases.freshUrl(kind));
        SkillTree tree = new SkillTree(tmp.resolve("skills"));
        tree.skill("documents/pdf-tools", "pdf-tools", "Reads and splits PDF files");
        cli.json("push", tree.root().toString());
        return cli;
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void review_on_a_database_writes_then_replaces_the_users_review_and_show_gives_the_rating(DbKind kind) {
        Cli cli = pushed(kind);

        JsonNode first = cli.json("review", "local/pdf-tools@0.1.0", "--rating", "4", "--title", "Handy",
                "--body", "Splits well.", "--user", "alice");
        String one = cli.run("show", "local/pdf-tools").out();
        JsonNode again = cli.json("review", "local/pdf-tools", "--rating", "2", "--title", "Worse", "--user", "alice");
        CliRun.Result text = cli.run("review", "local/pdf-tools", "--rating", "5", "--title", "Great", "--user", "bob");

        assertThat(first.get("outcome").asString()).isEqualTo("created");
        assertThat(first.get("author").asString()).isEqualTo("alice");
        assertThat(first.get("version").asString()).isEqualTo("0.1.0");
        assertThat(again.get("outcome").asString()).isEqualTo("replaced");
        assertThat(again.get("id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).contains("reviewed local/pdf-tools as bob", "Great");
        JsonNode shown = cli.json("show", "local/pdf-tools");
        assertThat(shown.get("rating").get("average").asDouble()).isEqualTo(3.5);
        assertThat(shown.get("rating").get("count").asLong()).isEqualTo(2);
        assertThat(one).contains("4.00 of 5 (1 review)\n");
        assertThat(cli.run("show", "local/pdf-tools").out()).contains("3.50 of 5 (2 reviews)");
        JsonNode listed = cli.json("list", "--sort", "rating");
        assertThat(listed.get("items").get(0).get("rating").get("count").asLong()).isEqualTo(2);
    }

    @Test
    void bad_input_exits_with_the_code_that_says_what_is_wrong_and_writes_nothing() {
        Cli cli = pushed(DbKind.SQLITE);

        CliRun.Result rating = cli.run("review", "local/pdf-tools", "--rating", "6", "--title", "x", "--user", "a");
        CliRun.Result title = cli.run("review", "local/pdf-tools", "--rating", "3", "--title", " ", "--user", "a");
        CliRun.Result skill = cli.run("review", "local/nothing", "--rating", "3", "--title", "x", "--user", "a");
        CliRun.Result version = cli.run("review", "local/pdf-tools@9.9.9", "--rating", "3", "--title", "x",
                "--user", "a");
        CliRun.Result user = CliRun.run("review", "local/pdf-tools", "--rating", "3", "--title", "x", "--user", "a",
                "--registry", "http://127.0.0.1:9");

        assertThat(rating.exitCode()).as(rating.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(rating.err()).contains("--rating must be a whole number from 1 to 5");
        assertThat(title.exitCode()).as(title.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(title.err()).contains("--title");
        assertThat(skill.exitCode()).as(skill.toString()).isEqualTo(ExitCodes.INVALID);
        assertThat(skill.err()).contains("local/nothing");
        assertThat(version.exitCode()).as(version.toString()).isEqualTo(ExitCodes.INVALID);
        assertThat(version.err()).contains("no version 9.9.9");
        assertThat(user.exitCode()).as(user.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.json("show", "local/pdf-tools").get("rating").get("count").asLong()).isZero();
    }

    @Test
    void review_over_a_server_is_the_tokens_users_and_counts_in_the_skills_rating() {
        try (LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(DbKind.SQLITE));
                SkillbaseServer server = SkillbaseServer.start(ServerSettings.local(registry.url(), false), registry,
                        PublishGuard.anonymous(false))) {
            var mia = registry.accounts().createUser("mia", false);
            String token = registry.accounts().issueToken(mia, EnumSet.of(Scope.READ, Scope.PUBLISH),
                    Optional.empty(), Optional.empty()).secret();
            registry.publish(TestRequests.of(TestRequests.fixture("pdf-tools"), "acme", "1.0.0", "", List.of()));
            String url = server.url().toString();

            CliRun.Result created = CliRun.run("review", "acme/pdf-tools@1.0.0", "--rating", "5", "--title", "Great",
                    "--json", "--registry", url, "--token", token);
            CliRun.Result replaced = CliRun.run("review", "acme/pdf-tools", "--rating", "3", "--title", "Fine",
                    "--json", "--registry", url, "--token", token);
            CliRun.Result anonymous = CliRun.run("review", "acme/pdf-tools", "--rating", "1", "--title", "x",
                    "--registry", url);
            CliRun.Result missing = CliRun.run("review", "acme/nothing", "--rating", "1", "--title", "x",
                    "--registry", url, "--token", token);

            assertThat(created.exitCode()).as(created.toString()).isZero();
            JsonNode review = Cli.parse(created.out());
            assertThat(review.get("author").asString()).isEqualTo("mia");
            assertThat(review.get("outcome").asString()).isEqualTo("created");
            assertThat(Cli.parse(replaced.out()).get("outcome").asString()).isEqualTo("replaced");
            assertThat(anonymous.exitCode()).as(anonymous.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
            assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(ExitCodes.INVALID);
            var rating = registry.skill(new SkillRef("acme", "pdf-tools")).orElseThrow().rating();
            assertThat(rating.count()).isEqualTo(1);
            assertThat(rating.average()).contains(3.0);
        }
    }
}
