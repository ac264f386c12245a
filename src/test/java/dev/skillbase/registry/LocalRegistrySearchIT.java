package dev.skillbase.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.skillbase.testing.DbKind;
import dev.skillbase.testing.TestDatabases;
import dev.skillbase.testing.TestVersions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LocalRegistrySearchIT {
    private static final String FILLER = "Helps with everyday chores in a repository.";

    /** "kafka" appears once each: in a name, a title, a tag, a description, a body. */
    private static LocalRegistry openWithKafkaSkills(DbKind kind) {
        LocalRegistry registry = LocalRegistry.open(TestDatabases.freshUrl(kind));
        registry.publish(TestVersions.skill("acme", "in-body").description(FILLER)
                .body("# Notes\n\nThis one mentions kafka deep in its body.\n").tags("misc").build());
        registry.publish(TestVersions.skill("acme", "in-description").description("Tunes kafka consumers")
                .body("# Notes\n\nNothing else of interest here.\n").tags("misc").build());
        registry.publish(TestVersions.skill("acme", "in-tags").description(FILLER)
                .body("# Notes\n\nNothing else of interest here.\n").tags("kafka").build());
        registry.publish(TestVersions.skill("acme", "kafka-streams").description(FILLER)
                .body("# Notes\n\nNothing else of interest here.\n").tags("misc").build());
        registry.publish(TestVersions.skill("zeta", "in-title").title("Kafka helper").description(FILLER)
                .body("# Notes\n\nNothing else of interest here.\n").tags("misc").build());
        registry.publish(TestVersions.skill("zeta", "kafka").description("Plain helper")
                .body("# Notes\n\nA short skill, mentions kafka once.\n").tags("misc").build());
        return registry;
    }

    private static SkillQuery page(int limit, int offset) {
        return new SkillQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                SkillQuery.Sort.NAME, limit, offset);
    }

    private static List<String> names(Page<SearchHit> page) {
        return page.items().stream().map(hit -> hit.skill().ref().name()).toList();
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void an_exact_name_match_comes_first(DbKind kind) {
        try (LocalRegistry registry = openWithKafkaSkills(kind)) {
            Page<SearchHit> hits = registry.search("kafka", SkillQuery.all());

            assertThat(names(hits)).first().isEqualTo("kafka");
            assertThat(hits.total()).isEqualTo(6);
            assertThat(names(registry.search("Kafka-Streams", SkillQuery.all()))).first().isEqualTo("kafka-streams");
            assertThat(names(registry.search("acme/kafka-streams", SkillQuery.all()))).first().isEqualTo("kafka-streams");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void ranks_name_and_title_over_tags_over_description_over_body(DbKind kind) {
        try (LocalRegistry registry = openWithKafkaSkills(kind)) {
            List<String> order = names(registry.search("kafka", SkillQuery.all()));

            assertThat(order.subList(1, 3)).containsExactlyInAnyOrder("kafka-streams", "in-title");
            assertThat(order.subList(3, 6)).containsExactly("in-tags", "in-description", "in-body");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void scores_are_higher_for_better_matches_and_carry_the_summary(DbKind kind) {
        try (LocalRegistry registry = openWithKafkaSkills(kind)) {
            List<SearchHit> hits = registry.search("kafka", SkillQuery.all()).items();

            assertThat(hits.get(1).score()).isGreaterThan(hits.get(5).score());
            assertThat(hits.get(0).skill().latestVersion()).contains("1.0.0");
            assertThat(hits.get(0).skill().tags()).containsExactly("misc");
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void search_applies_filters_and_paging(DbKind kind) {
        try (LocalRegistry registry = openWithKafkaSkills(kind)) {
            SkillQuery zeta = new SkillQuery(Optional.of("zeta"), Optional.empty(), Optional.empty(),
                    Optional.empty(), SkillQuery.Sort.NAME, 20, 0);
            SkillQuery kafkaTag = new SkillQuery(Optional.empty(), Optional.empty(), Optional.of("kafka"),
                    Optional.empty(), SkillQuery.Sort.NAME, 20, 0);

            assertThat(names(registry.search("kafka", zeta))).containsExactly("kafka", "in-title");
            assertThat(names(registry.search("kafka", kafkaTag))).containsExactly("in-tags");
            Page<SearchHit> second = registry.search("kafka", page(2, 2));
            assertThat(second.items()).hasSize(2);
            assertThat(second.total()).isEqualTo(6);
            Page<SearchHit> beyond = registry.search("kafka", page(5, 10));
            assertThat(beyond.items()).isEmpty();
            assertThat(beyond.total()).isEqualTo(6);
            assertThat(names(second)).containsExactlyElementsOf(
                    names(registry.search("kafka", SkillQuery.all())).subList(2, 4));
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void stems_words_and_matches_any_of_them(DbKind kind) {
        try (LocalRegistry registry = openWithKafkaSkills(kind)) {
            assertThat(names(registry.search("consumer", SkillQuery.all()))).containsExactly("in-description");
            assertThat(names(registry.search("tuning zookeeper consumer", SkillQuery.all())))
                    .containsExactly("in-description");
            assertThat(registry.search("zookeeper", SkillQuery.all()).items()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DbKind.class)
    void hostile_query_syntax_never_fails(DbKind kind) {
        try (LocalRegistry registry = openWithKafkaSkills(kind)) {
            for (String text : List.of("\"kafka", "kafka*", "-kafka", "name:kafka", "(kafka", "kafka AND",
                    "AND OR NOT", "NEAR(kafka in)", "'; DROP TABLE skills; --", "kafka & | ! <->", "^kafka",
                    "{kafka}", "", "   ", "***", "\u0000kafka", "ünïcode kafka")) {
                assertThatCode(() -> registry.search(text, SkillQuery.all())).as(text).doesNotThrowAnyException();
            }
            assertThat(names(registry.search("(kafka*) AND \"-name:\"", SkillQuery.all()))).first().isEqualTo("kafka");
            assertThat(registry.search("***", SkillQuery.all()).total()).isZero();
            assertThat(registry.stats().skills()).isEqualTo(6);
        }
    }
}
