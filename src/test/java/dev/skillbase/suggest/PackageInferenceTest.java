package dev.skillbase.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skillbase.skill.SkillDocument;
import dev.skillbase.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PackageInferenceTest {
    private final PackageInference inference = PackageInference.standard();

    private static Optional<InferredMapping> of(List<InferredMapping> mappings, String pkg) {
        return mappings.stream().filter(m -> m.pkg().toString().equals(pkg)).findFirst();
    }

    private List<InferredMapping> corpusSkill(String path) throws IOException {
        SkillDocument skill = SkillDocument.parse(Files.readString(Corpus.skills().resolve(path).resolve("SKILL.md"),
                StandardCharsets.UTF_8));
        return inference.infer(skill.frontmatter().name().orElseThrow(), skill.frontmatter().tags(),
                skill.frontmatter().description().orElse(""), skill.frontmatter().metadata());
    }

    @Test
    void a_react_skill_of_the_corpus_gets_npm_react_from_its_name() throws IOException {
        List<InferredMapping> mappings = corpusSkill("vercel-labs__agent-skills/skills/react-best-practices");

        assertThat(of(mappings, "npm:react")).hasValueSatisfying(m -> {
            assertThat(m.confidence()).isEqualTo(0.85);
            assertThat(m.reason()).isEqualTo("name mentions \"react\"");
        });
    }

    @Test
    void django_and_prisma_skills_of_the_corpus_get_their_packages() throws IOException {
        assertThat(of(corpusSkill("getsentry__skills/skills/django-perf-review"), "pypi:django")).isPresent();
        assertThat(of(corpusSkill("prisma__skills/prisma-cli"), "npm:prisma")).isPresent();
    }

    @Test
    void confidence_reflects_where_the_package_was_found() {
        List<InferredMapping> mappings = inference.infer("data-pipelines", List.of("Django"),
                "Schedules DAGs with Apache Airflow, then renders charts in a Next.js app.",
                Map.of("packages", "npm:stripe, Spring Boot"));

        assertThat(of(mappings, "npm:stripe").orElseThrow().confidence()).isEqualTo(0.95);
        assertThat(of(mappings, "maven:org.springframework.boot:*").orElseThrow().reason())
                .isEqualTo("metadata packages mentions \"spring boot\"");
        assertThat(of(mappings, "pypi:django").orElseThrow().confidence()).isEqualTo(0.7);
        assertThat(of(mappings, "pypi:apache-airflow").orElseThrow().confidence()).isEqualTo(0.5);
        assertThat(of(mappings, "npm:next").orElseThrow().reason()).isEqualTo("description mentions \"next.js\"");
        assertThat(mappings.getFirst().confidence()).isEqualTo(0.95);
    }

    @Test
    void the_best_place_wins_and_words_match_whole() {
        List<InferredMapping> mappings = inference.infer("react-hooks", List.of("react"),
                "React hooks; reactive streams are not React Native.", Map.of());

        assertThat(mappings.stream().filter(m -> m.pkg().toString().equals("npm:react"))).singleElement()
                .satisfies(m -> assertThat(m.confidence()).isEqualTo(0.85));
        assertThat(inference.infer("reactive-streams", List.of(), "Backpressure for reactive streams.", Map.of()))
                .isEmpty();
    }

    @Test
    void every_corpus_skill_is_read_without_failing_and_many_get_a_package() throws IOException {
        int skills = 0;
        int mapped = 0;
        try (Stream<Path> files = Files.walk(Corpus.skills())) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals("SKILL.md")).toList()) {
                SkillDocument skill;
                try {
                    skill = SkillDocument.parse(Files.readString(file, StandardCharsets.UTF_8));
                } catch (RuntimeException unparseable) {
                    continue; // the lenient validator skips these with a reason; nothing to infer from
                }
                skills++;
                List<InferredMapping> mappings = inference.infer(skill.frontmatter().name().orElse(""),
                        skill.frontmatter().tags(), skill.frontmatter().description().orElse(""),
                        skill.frontmatter().metadata());
                mapped += mappings.isEmpty() ? 0 : 1;
                assertThat(mappings).allSatisfy(m -> assertThat(m.confidence()).isBetween(0.0, 1.0));
            }
        }
        assertThat(skills).isGreaterThan(700);
        assertThat(mapped).isGreaterThan(50);
    }
}
