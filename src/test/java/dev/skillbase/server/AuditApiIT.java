package dev.skillbase.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillbase.account.Member;
import dev.skillbase.account.Role;
import dev.skillbase.audit.AuditActor;
import dev.skillbase.audit.AuditEntry;
import dev.skillbase.audit.AuditLog;
import dev.skillbase.audit.AuditQuery;
import dev.skillbase.registry.SkillRef;
import dev.skillbase.skill.TestArchives;
import dev.skillbase.store.Database;
import dev.skillbase.store.DatabaseUrl;
import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestRequests;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The audit log over HTTP on SQLite and PostgreSQL: each change of state made through the API is recorded with who
 * made it, what and on what; admins read everything, namespace owners their namespaces' entries; nothing changes or
 * deletes an entry (no route, and the database refuses); an entry is written in the transaction of its change, so a
 * change that fails leaves none and an entry that cannot be written undoes its change.
 */
class AuditApiIT {
    private static final String SKILL = "/api/v1/skills/acme/pdf-tools";

    private static HttpResponse<String> publish(TestServer t, String token, String version) {
        return t.send(t.request(SKILL + "/versions").header("Content-Type", "application/gzip")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(TestArchives.skill("pdf-tools", version).tarGz())).build());
    }

    private static JsonNode audit(TestServer t, String token, String query) {
        HttpResponse<String> response = t.call("GET", "/api/v1/audit" + query, token, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestServer.json(response);
    }

    private static List<String> values(JsonNode page, String field) {
        List<String> values = new ArrayList<>();
        page.get("items").forEach(item -> values.add(item.get(field).isNull() ? null : item.get(field).asString()));
        return values;
    }

    private static JsonNode only(JsonNode page) {
        assertThat(page.get("total").asLong()).as(page.toString()).isEqualTo(1);
        return page.get("items").get(0);
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void every_change_made_over_http_is_recorded_with_who_what_and_on_what(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);
            assertThat(publish(t, actors.olivia, "2.0.0").statusCode()).isEqualTo(201);
            assertThat(t.call("POST", SKILL + "/versions/1.0.0/yank", actors.max, null).statusCode()).isEqualTo(200);
            assertThat(t.call("PATCH", SKILL, actors.olivia,
                    "{\"status\":\"deprecated\",\"visibility\":\"unlisted\",\"title\":\"PDF\"}").statusCode())
                    .isEqualTo(200);
            assertThat(t.call("PUT", "/api/v1/namespaces/acme/members/mia", actors.olivia,
                    "{\"role\":\"maintainer\"}").statusCode()).isEqualTo(200);
            HttpResponse<String> token = t.call("POST", "/api/v1/tokens", actors.mia,
                    "{\"name\":\"ci\",\"scopes\":[\"read\"]}");
            long tokenId = TestServer.json(token).get("info").get("id").asLong();
            assertThat(t.call("DELETE", "/api/v1/tokens/" + tokenId, actors.mia, null).statusCode()).isEqualTo(200);
            assertThat(t.call("PUT", SKILL + "/packages", actors.max,
                    "{\"package\":\"npm:pdf-lib\",\"confidence\":0.9,\"reason\":\"wraps it\"}").statusCode())
                    .isIn(200, 204);
            assertThat(t.call("DELETE", SKILL, actors.olivia, null).statusCode()).isEqualTo(200);

            JsonNode publishes = audit(t, actors.ada, "?action=skill.publish&target=acme/pdf-tools");
            assertThat(values(publishes, "actor")).as("newest first; the 1.x versions were published in process")
                    .containsExactly("olivia", AuditActor.LOCAL, AuditActor.LOCAL);
            assertThat(publishes.get("items").get(0).get("details").get("version").asString()).isEqualTo("2.0.0");
            JsonNode yank = only(audit(t, actors.ada, "?action=version.yank"));
            assertThat(yank.get("actor").asString()).isEqualTo("max");
            assertThat(yank.get("target_type").asString()).isEqualTo("skill");
            assertThat(yank.get("details").get("version").asString()).isEqualTo("1.0.0");
            JsonNode statuses = audit(t, actors.ada, "?action=skill.status&target=acme/pdf-tools");
            assertThat(statuses.get("total").asLong()).isEqualTo(2);
            assertThat(statuses.get("items").get(0).get("details").get("to").asString()).isEqualTo("archived");
            assertThat(statuses.get("items").get(1).get("details").get("from").asString()).isEqualTo("active");
            assertThat(only(audit(t, actors.ada, "?action=skill.visibility")).get("details").get("to").asString())
                    .isEqualTo("unlisted");
            assertThat(only(audit(t, actors.ada, "?action=skill.update")).get("details").get("fields").get(0)
                    .asString()).isEqualTo("title");
            JsonNode member = audit(t, actors.ada, "?action=member.set&namespace=acme").get("items").get(0);
            assertThat(member.get("actor").asString()).isEqualTo("olivia");
            assertThat(member.get("details").get("previous_role").asString()).isEqualTo("member");
            JsonNode created = audit(t, actors.ada, "?action=token.create&target=" + tokenId).get("items").get(0);
            assertThat(created.get("actor").asString()).isEqualTo("mia");
            assertThat(created.get("namespace").isNull()).isTrue();
            assertThat(created.get("details").get("scopes").asString()).isEqualTo("read");
            assertThat(only(audit(t, actors.ada, "?action=token.revoke")).get("target").asString())
                    .isEqualTo(String.valueOf(tokenId));
            assertThat(only(audit(t, actors.ada, "?action=mapping.set")).get("details").get("package").asString())
                    .isEqualTo("npm:pdf-lib");

            JsonNode all = audit(t, actors.ada, "?limit=100");
            JsonNode firstPage = audit(t, actors.ada, "?limit=2");
            JsonNode secondPage = audit(t, actors.ada, "?limit=2&offset=2");
            assertThat(firstPage.get("total").asLong()).isEqualTo(all.get("total").asLong());
            assertThat(values(secondPage, "id")).containsExactly(values(all, "id").get(2), values(all, "id").get(3));
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void admins_read_everything_owners_their_namespaces_and_no_method_changes_an_entry(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);
            t.call("POST", SKILL + "/versions/1.0.0/yank", actors.max, null);
            t.call("POST", "/api/v1/tokens", actors.mia, "{\"name\":\"ci\",\"scopes\":[\"read\"]}");
            t.call("PUT", "/api/v1/namespaces/rival/members/mia", actors.oscar, "{\"role\":\"member\"}");

            JsonNode everything = audit(t, actors.ada, "?limit=100");
            assertThat(values(everything, "namespace")).contains("acme", "rival", null);
            JsonNode olivia = audit(t, actors.olivia, "?limit=100");
            assertThat(values(olivia, "namespace")).isNotEmpty().containsOnly("acme");
            assertThat(values(olivia, "action")).contains("version.yank", "namespace.create", "member.set");
            assertThat(values(audit(t, actors.oscar, "?limit=100"), "namespace")).isNotEmpty().containsOnly("rival");
            assertThat(audit(t, actors.max, "").get("total").asLong()).as("max owns nothing here but his own "
                    + "namespace, where nothing happened").isZero();
            ProblemAssert.problem(t.call("GET", "/api/v1/audit?namespace=acme", actors.oscar, null), 403);
            ProblemAssert.problem(t.call("GET", "/api/v1/audit?namespace=acme", actors.max, null), 403);
            ProblemAssert.problem(t.call("GET", "/api/v1/audit", null, null), 401);
            ProblemAssert.problem(t.call("GET", "/api/v1/audit?action=DROP%20TABLE", actors.ada, null), 400);
            ProblemAssert.problem(t.call("GET", "/api/v1/audit?limit=0", actors.ada, null), 400);

            for (String method : List.of("PUT", "DELETE", "PATCH", "POST")) {
                ProblemAssert.problem(t.call(method, "/api/v1/audit", actors.ada, "{}"), 405);
            }
            assertThat(audit(t, actors.ada, "?limit=100").get("total").asLong())
                    .isEqualTo(everything.get("total").asLong());
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void the_database_refuses_to_change_or_delete_an_entry(DbKind kind) {
        try (TestServer t = TestServer.start(kind); Database database = Database.open(DatabaseUrl.parse(t.dbUrl))) {
            Actors.in(t);
            long entries = t.registry.audit().list(AuditQuery.everything(1)).total();
            assertThat(entries).isPositive();

            assertThatThrownBy(() -> database.write("tampering", h -> h.execute("UPDATE audit_log SET actor = 'x'")))
                    .hasStackTraceContaining("append-only");
            assertThatThrownBy(() -> database.write("tampering", h -> h.execute("DELETE FROM audit_log")))
                    .hasStackTraceContaining("append-only");

            assertThat(t.registry.audit().list(AuditQuery.everything(100)).items())
                    .hasSize((int) entries).noneMatch(e -> e.actor().equals("x"));
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void a_failing_change_leaves_no_entry_and_an_entry_that_cannot_be_written_undoes_its_change(DbKind kind) {
        try (TestServer t = TestServer.start(kind)) {
            Actors actors = Actors.in(t);
            long before = audit(t, actors.ada, "").get("total").asLong();

            // refused after the entry was appended (the namespace would be left without an owner): rolled back with it
            ProblemAssert.problem(t.call("DELETE", "/api/v1/namespaces/acme/members/olivia", actors.olivia, null),
                    409);
            ProblemAssert.problem(t.call("PUT", "/api/v1/namespaces/acme/members/olivia", actors.olivia,
                    "{\"role\":\"member\"}"), 409);
            ProblemAssert.problem(publish(t, actors.olivia, "1.0.0"), 409);
            assertThat(audit(t, actors.ada, "").get("total").asLong()).as("refused changes left no entry")
                    .isEqualTo(before);
            assertThat(t.registry.accounts().members("acme")).contains(new Member("olivia", Role.OWNER));

            String unwritable = "x".repeat(201); // over the actor column's limit: the entry cannot be written
            assertThatThrownBy(() -> AuditActor.as(unwritable, () -> {
                t.registry.accounts().setMember("acme", "mia", Role.OWNER);
                return null;
            })).isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> AuditActor.as(unwritable, () -> t.registry.publish(TestRequests.of(
                    TestRequests.fixture("pdf-tools"), "acme", "3.0.0", "", List.of()))))
                    .isInstanceOf(RuntimeException.class);
            assertThat(t.registry.accounts().members("acme")).contains(new Member("mia", Role.MEMBER));
            assertThat(t.registry.versions(new SkillRef("acme", "pdf-tools")))
                    .noneMatch(v -> v.version().equals("3.0.0"));
            assertThat(audit(t, actors.ada, "").get("total").asLong()).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void an_entry_appended_by_other_code_commits_and_rolls_back_with_its_transaction(DbKind kind) {
        try (TestServer t = TestServer.start(kind); Database database = Database.open(DatabaseUrl.parse(t.dbUrl))) {
            AuditEntry run = AuditEntry.skill("execution.run", new SkillRef("acme", "pdf-tools"),
                    Map.of("status", "succeeded"));

            assertThatThrownBy(() -> database.write("a run that fails", handle -> {
                AuditLog.append(handle, run);
                throw new IllegalStateException("the run's own write failed");
            })).hasMessageContaining("the run's own write failed");
            assertThat(t.registry.audit().list(AuditQuery.everything(10)).total()).isZero();

            AuditActor.as("runner", () -> database.write("a run", handle -> {
                AuditLog.append(handle, run);
                return null;
            }));
            var entry = t.registry.audit().list(AuditQuery.everything(10)).items().getFirst();
            assertThat(entry.actor()).isEqualTo("runner");
            assertThat(entry.action()).isEqualTo("execution.run");
            assertThat(entry.namespace()).contains("acme");
            assertThat(entry.detailsJson()).contains("succeeded");
        }
    }
}
