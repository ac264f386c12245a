package dev.skillbase.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PackageQueryTest {
    @Test
    void reads_ecosystem_and_name_normalised_per_ecosystem() {
        assertThat(PackageId.parse("npm:React").toString()).isEqualTo("npm:react");
        assertThat(PackageId.parse("pypi:Apache_Airflow").toString()).isEqualTo("pypi:apache-airflow");
        assertThat(PackageId.parse("maven:org.springframework.boot:spring-boot-starter-web").name())
                .isEqualTo("org.springframework.boot:spring-boot-starter-web");
        assertThat(PackageId.parse("go:github.com/ClickHouse/clickhouse-go/v2").name())
                .isEqualTo("github.com/ClickHouse/clickhouse-go/v2");
    }

    @Test
    void a_bare_name_has_no_ecosystem_and_matches_every_one() {
        PackageQuery next = PackageQuery.parse("next");
        assertThat(next.ecosystem()).isEmpty();
        assertThat(next.matches(PackageId.parse("npm:next"))).isTrue();
        assertThat(next.matches(PackageId.parse("pypi:next"))).isTrue();
        assertThat(PackageQuery.parse("org.slf4j:slf4j-api").ecosystem()).isEmpty();
    }

    @Test
    void a_maven_artifact_matches_its_group_wildcard() {
        PackageQuery web = PackageQuery.parse("maven:org.springframework.boot:spring-boot-starter-web");
        assertThat(web.matches(PackageId.parse("maven:org.springframework.boot:*"))).isTrue();
        assertThat(web.matches(PackageId.parse("maven:org.springframework:*"))).isFalse();
        assertThat(web.lookupNames()).containsExactly("org.springframework.boot:spring-boot-starter-web",
                "org.springframework.boot:*");
        assertThat(PackageQuery.parse("npm:react").matches(PackageId.parse("pypi:react"))).isFalse();
    }

    @Test
    void bad_ids_are_rejected_naming_what_is_wrong() {
        assertThatThrownBy(() -> PackageQuery.parse("nuget:Newtonsoft.Json"))
                .isInstanceOf(InvalidPackageException.class).hasMessageContaining("unknown ecosystem \"nuget\"");
        assertThatThrownBy(() -> PackageQuery.parse("npm:")).hasMessageContaining("empty name");
        assertThatThrownBy(() -> PackageQuery.parse("npm:re act")).hasMessageContaining("not a valid package name");
        assertThatThrownBy(() -> PackageQuery.parse("npm:*")).hasMessageContaining("only a whole Maven group");
        assertThatThrownBy(() -> PackageId.parse("react")).hasMessageContaining("has no ecosystem");
        assertThat(PackageQuery.parse("maven:org.junit.jupiter:*").ecosystem()).isEqualTo(Optional.of(Ecosystem.MAVEN));
    }
}
