package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.testing.CliRun;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The bootstrap flow and the account commands, end to end on a real database. */
class AccountCommandsIT {

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void bootstrap_prints_a_working_admin_token_once_and_refuses_a_second_admin(DbKind kind) {
        String db = TestDatabases.freshUrl(kind);

        CliRun.Result first = CliRun.run("admin", "bootstrap", "--user", "alice", "--db", db);
        CliRun.Result second = CliRun.run("admin", "bootstrap", "--user", "bob", "--db", db);

        assertThat(first.exitCode()).as(first.toString()).isZero();
        String token = first.out().lines().filter(l -> l.startsWith("sb_")).findFirst().orElseThrow();
        try (LocalRegistry registry = LocalRegistry.open(db)) {
            var principal = registry.accounts().authenticate(token);
            assertThat(principal.user().name()).isEqualTo("alice");
            assertThat(principal.actsAsAdmin()).isTrue();
        }
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(1);
        assertThat(second.err()).contains("admin exists");
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void users_namespaces_members_and_tokens_are_managed_from_the_command_line(DbKind kind) {
        String db = TestDatabases.freshUrl(kind);

        assertThat(CliRun.run("user", "create", "bob", "--db", db).exitCode()).isZero();
        assertThat(CliRun.run("user", "create", "carol", "--db", db).exitCode()).isZero();
        assertThat(CliRun.run("user", "create", "bob", "--db", db).exitCode()).isEqualTo(1);
        assertThat(CliRun.run("user", "create", "Bad_Name", "--db", db).exitCode()).isEqualTo(2);
        CliRun.Result ns = CliRun.run("namespace", "create", "team", "--owner", "bob", "--org", "--json", "--db", db);
        assertThat(ns.out()).contains("\"kind\" : \"org\"", "\"owner\" : \"bob\"");
        assertThat(CliRun.run("member", "add", "team", "carol", "--role", "maintainer", "--db", db).exitCode())
                .isZero();
        assertThat(CliRun.run("member", "add", "team", "carol", "--role", "boss", "--db", db).exitCode())
                .isEqualTo(2);
        CliRun.Result members = CliRun.run("member", "list", "team", "--db", db);
        assertThat(members.out()).contains("bob", "owner", "carol", "maintainer");
        assertThat(CliRun.run("member", "remove", "team", "bob", "--db", db).exitCode()).as("last owner").isEqualTo(1);
        assertThat(CliRun.run("member", "remove", "team", "carol", "--db", db).exitCode()).isZero();

        CliRun.Result created = CliRun.run("token", "create", "--user", "bob", "--scopes", "publish,read",
                "--expires", "30d", "--name", "laptop", "--db", db);
        String secret = created.out().lines().filter(l -> l.startsWith("sb_")).findFirst().orElseThrow();
        CliRun.Result list = CliRun.run("token", "list", "--user", "bob", "--json", "--db", db);
        assertThat(list.out()).contains("laptop", "publish", secret.substring(0, 11)).doesNotContain(secret);
        assertThat(CliRun.run("token", "create", "--user", "bob", "--scopes", "admin", "--db", db).exitCode())
                .isEqualTo(2);
        assertThat(CliRun.run("token", "create", "--user", "nobody", "--scopes", "read", "--db", db).exitCode())
                .isEqualTo(1);
        assertThat(CliRun.run("token", "revoke", "1", "--db", db).exitCode()).isZero();
        assertThat(CliRun.run("token", "list", "--user", "bob", "--json", "--db", db).out()).contains("laptop")
                .doesNotContain("\"revokedAt\" : null");
        assertThat(CliRun.run("token", "revoke", "99", "--db", db).exitCode()).isEqualTo(1);
    }
}
