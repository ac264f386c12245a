package dev.skillbase.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillbase.skill.Bundle;
import dev.skillbase.skill.BundleLimits;
import dev.skillbase.skill.SkillDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract of {@link Registry}, run against every implementation ({@link LocalRegistry} and
 * {@link HttpRegistry} to a real server) over SQLite and PostgreSQL: what one does, the others do.
 */
class RegistryContractIT {
    private static final SkillRef PDF = new SkillRef("acme", "pdf-tools");

    @TempDir
    Path sources;

    private PublishRequest request(String namespace, String name, String version, String description,
            String taxonomy, List<String> tags, Map<String, String> extra) throws IOException {
        Path dir = sources.resolve(namespace + "-" + version).resolve(name);
        Files.createDirectories(dir);
        String skillMd = "---\nname: " + name + "\ndescription: " + description + "\nlicense: MIT\n---\n# "
                + name + " title\n\n" + description + "\n";
        Files.writeString(dir.resolve("SKILL.md"), skillMd, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> file : extra.entrySet()) {
            Files.createDirectories(dir.resolve(file.getKey()).getParent());
            Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        return new PublishRequest(new SkillRef(namespace, name), version, SkillDocument.parse(skillMd),
                Bundle.read(dir, BundleLimits.DEFAULT), taxonomy, tags, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private PublishRequest pdf(String version, String extra) throws IOException {
        return request("acme", "pdf-tools", version, "Fill and merge PDF forms.", "documents/pdf",
                List.of("pdf", "forms"), Map.of("scripts/fill.py", "print('fill')\n" + extra));
    }

    private static SkillQuery query(Optional<String> namespace, Optional<String> tag, Optional<String> category,
            int limit, int offset) {
        return new SkillQuery(namespace, Optional.empty(), tag, category, SkillQuery.Sort.NAME, limit, offset);
    }

    @ParameterizedTest
    @EnumSource(RegistryUnderTest.class)
    void published_gives_the_versions_and_taxonomy_of_existing_skills_and_leaves_out_the_others(
            RegistryUnderTest kind) throws IOException {
        try (RegistryUnderTest.Opened opened = kind.open()) {
            Registry registry = opened.registry();
            registry.publish(pdf("1.0.0", ""));
            registry.publish(pdf("1.10.0", "v2"));
            registry.publish(request("other", "pdf-tools", "2.0.0", "Elsewhere.", "", List.of(), Map.of()));
            SkillRef missing = new SkillRef("acme", "missing");

            Map<SkillRef, PublishedSkill> published = registry.published(List.of(PDF, missing));

            assertThat(published).containsOnlyKeys(PDF);
            assertThat(published.get(PDF).taxonomyPath()).isEqualTo("documents/pdf");
            assertThat(published.get(PDF).versions()).isEqualTo(registry.versions(PDF));
            assertThat(published.get(PDF).versions()).extracting(VersionInfo::version)
                    .containsExactly("1.10.0", "1.0.0");
        }
    }

    @ParameterizedTest
    @EnumSource(RegistryUnderTest.class)
    void publish_then_reads_return_the_skill_its_versions_manifest_and_files(RegistryUnderTest kind)
            throws IOException {
        try (RegistryUnderTest.Opened opened = kind.open()) {
            Registry registry = opened.registry();
            PublishRequest request = pdf("1.0.0", "");

            PublishResult result = registry.publish(request);

            assertThat(result.outcome()).isEqualTo(PublishResult.Outcome.CREATED);
            assertThat(result.ref()).isEqualTo(PDF);
            assertThat(result.info().contentDigest()).isEqualTo(request.bundle().contentDigest());
            assertThat(result.info().archiveDigest()).isEqualTo(request.bundle().archiveDigest());
            SkillDetails skill = registry.skill(PDF).orElseThrow();
            assertThat(skill.title()).isEqualTo("pdf-tools title");
            assertThat(skill.description()).isEqualTo("Fill and merge PDF forms.");
            assertThat(skill.taxonomyPath()).isEqualTo("documents/pdf");
            assertThat(skill.tags()).containsExactly("pdf", "forms");
            assertThat(skill.status()).isEqualTo("active");
            assertThat(skill.visibility()).isEqualTo("public");
            assertThat(skill.license()).contains("MIT");
            assertThat(skill.latest().orElseThrow().version()).isEqualTo("1.0.0");
            assertThat(skill.versionCount()).isEqualTo(1);
            assertThat(registry.versions(PDF)).extracting(VersionInfo::version).containsExactly("1.0.0");
            VersionDetails details = registry.version(PDF, "1.0.0").orElseThrow();
            assertThat(details.files()).extracting(VersionDetails.FileEntry::path)
                    .containsExactly("SKILL.md", "scripts/fill.py");
            assertThat(details.body()).isEqualTo(request.document().body());
            assertThat(details.frontmatterJson()).contains("\"name\"").contains("pdf-tools");
            assertThat(registry.file(PDF, "1.0.0", "scripts/fill.py").orElseThrow())
                    .asString(StandardCharsets.UTF_8).isEqualTo("print('fill')\n");
        }
    }

    @ParameterizedTest
    @EnumSource(RegistryUnderTest.class)
    void absent_skills_versions_and_files_are_empty_results(RegistryUnderTest kind) throws IOException {
        try (RegistryUnderTest.Opened opened = kind.open()) {
            Registry registry = opened.registry();
            registry.publish(pdf("1.0.0", ""));

            assertThat(registry.skill(new SkillRef("acme", "nothing"))).isEmpty();
            assertThat(registry.versions(new SkillRef("acme", "nothing"))).isEmpty();
            assertThat(registry.version(PDF, "9.9.9")).isEmpty();
            assertThat(registry.file(PDF, "1.0.0", "missing.txt")).isEmpty();
            assertThat(registry.file(PDF, "9.9.9", "SKILL.md")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(RegistryUnderTest.class)
    void archive_bytes_hash_to_the_archive_digest_and_tags_name_latest(RegistryUnderTest kind) throws IOException {
        try (RegistryUnderTest.Opened opened = kind.open()) {
            Registry registry = opened.registry();
            PublishRequest first = pdf("1.0.0", "");
            registry.publish(first);
            registry.publish(pdf("1.1.0", "More.\n"));
            opened.local().setVersionTag(PDF, "stable", "1.0.0");

            byte[] archive = registry.archive(PDF, "1.0.0").orElseThrow();

            assertThat(archive).isEqualTo(first.bundle().archive());
            assertThat(registry.archive(PDF, "9.9.9")).isEmpty();
            assertThat(registry.versionTags(PDF)).containsExactly(java.util.Map.entry("latest", "1.1.0"),
                    java.util.Map.entry("stable", "1.0.0"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> registry.versionTags(
                    new SkillRef("acme", "nothing"))).isInstanceOf(NoSuchSkillException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(RegistryUnderTest.class)
    void republishing_the_same_content_is_unchanged_and_other_content_a_conflict(RegistryUnderTest kind)
            throws IOException {
        try (RegistryUnderTest.Opened opened = kind.open()) {
            Registry registry = opened.registry();
            registry.publish(pdf("1.0.0", ""));

            PublishResult again = registry.publish(pdf("1.0.0", ""));
            PublishRequest changed = pdf("1.0.0", "# changed\n");

            assertThat(again.outcome()).isEqualTo(PublishResult.Outcome.UNCHANGED);
            assertThat(again.version()).isEqualTo("1.0.0");
            assertThatThrownBy(() -> registry.publish(changed)).isInstanceOf(VersionConflictException.class)
                    .hasMessageContaining("1.0.0");
            assertThat(registry.publish(pdf("1.1.0", "# changed\n")).outcome())
                    .isEqualTo(PublishResult.Outcome.CREATED);
            assertThat(registry.versions(PDF)).extracting(VersionInfo::version).containsExactly("1.1.0", "1.0.0");
        }
    }

    @ParameterizedTest
    @EnumSource(RegistryUnderTest.class)
    void list_filters_by_namespace_tag_and_category_and_pages(RegistryUnderTest kind) throws IOException {
        try (RegistryUnderTest.Opened opened = kind.open()) {
            Registry registry = opened.registry();
            registry.publish(pdf("1.0.0", ""));
            registry.publish(request("acme", "csv-tools", "1.0.0", "Clean CSV files.", "data/csv", List.of("csv"),
                    Map.of()));
            registry.publish(request("zeta", "py-lint", "2.0.0", "Lint Python code.", "development/python",
                    List.of("python", "lint"), Map.of()));

            Page<SkillSummary> all = registry.list(query(Optional.empty(), Optional.empty(), Optional.empty(), 20, 0));
            Page<SkillSummary> acme = registry.list(query(Optional.of("acme"), Optional.empty(), Optional.empty(), 20, 0));
            Page<SkillSummary> tagged = registry.list(query(Optional.empty(), Optional.of("lint"), Optional.empty(), 20, 0));
            Page<SkillSummary> data = registry.list(query(Optional.empty(), Optional.empty(), Optional.of("data"), 20, 0));
            Page<SkillSummary> second = registry.list(query(Optional.empty(), Optional.empty(), Optional.empty(), 1, 1));

            assertThat(all.items()).extracting(s -> s.ref().toString())
                    .containsExactly("acme/csv-tools", "acme/pdf-tools", "zeta/py-lint");
            assertThat(all.total()).isEqualTo(3);
            assertThat(all.items().get(2).latestVersion()).contains("2.0.0");
            assertThat(all.items().get(2).tags()).containsExactly("python", "lint");
            assertThat(acme.items()).extracting(s -> s.ref().name()).containsExactly("csv-tools", "pdf-tools");
            assertThat(tagged.items()).extracting(s -> s.ref().name()).containsExactly("py-lint");
            assertThat(data.items()).extracting(s -> s.ref().name()).containsExactly("csv-tools");
            assertThat(second.items()).extracting(s -> s.ref().name()).containsExactly("pdf-tools");
            assertThat(second.total()).isEqualTo(3);
            assertThat(second.limit()).isEqualTo(1);
            assertThat(second.offset()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(RegistryUnderTest.class)
    void search_ranks_an_exact_name_first_and_filters_by_namespace(RegistryUnderTest kind) throws IOException {
        try (RegistryUnderTest.Opened opened = kind.open()) {
            Registry registry = opened.registry();
            registry.publish(pdf("1.0.0", ""));
            registry.publish(request("acme", "merge", "1.0.0", "Merge PDF documents into one.", "", List.of(),
                    Map.of()));
            registry.publish(request("zeta", "pdf-merge", "1.0.0", "Merge PDF files quickly.", "", List.of(),
                    Map.of()));

            Page<SearchHit> exact = registry.search("merge", query(Optional.empty(), Optional.empty(), Optional.empty(), 20, 0));
            Page<SearchHit> zeta = registry.search("pdf", query(Optional.of("zeta"), Optional.empty(), Optional.empty(), 20, 0));
            Page<SearchHit> none = registry.search("kubernetes", query(Optional.empty(), Optional.empty(), Optional.empty(), 20, 0));

            assertThat(exact.items().getFirst().skill().ref().toString()).isEqualTo("acme/merge");
            assertThat(exact.items()).extracting(h -> h.skill().ref().toString()).contains("zeta/pdf-merge");
            assertThat(zeta.items()).extracting(h -> h.skill().ref().toString()).containsExactly("zeta/pdf-merge");
            assertThat(none.items()).isEmpty();
            assertThat(none.total()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(RegistryUnderTest.class)
    void stats_count_skills_versions_namespaces_and_tags(RegistryUnderTest kind) throws IOException {
        try (RegistryUnderTest.Opened opened = kind.open()) {
            Registry registry = opened.registry();
            registry.publish(pdf("1.0.0", ""));
            registry.publish(pdf("1.1.0", "# more\n"));
            registry.publish(request("zeta", "py-lint", "2.0.0", "Lint Python code.", "development/python",
                    List.of("python"), Map.of()));

            RegistryStats stats = registry.stats();

            assertThat(stats.skills()).isEqualTo(2);
            assertThat(stats.versions()).isEqualTo(3);
            assertThat(stats.namespaces()).isEqualTo(2);
            assertThat(stats.tags()).isEqualTo(3);
            assertThat(stats.installs()).isZero();
            assertThat(stats).isEqualTo(opened.local().stats());
        }
    }

    @ParameterizedTest
    @EnumSource(RegistryUnderTest.class)
    void heads_list_each_skill_of_a_namespace_with_its_latest_digest_and_archiving_marks_it(RegistryUnderTest kind)
            throws IOException {
        try (RegistryUnderTest.Opened opened = kind.open()) {
            Registry registry = opened.registry();
            registry.publish(pdf("1.0.0", ""));
            PublishRequest latest = pdf("1.1.0", "# changed\n");
            registry.publish(latest);
            PublishRequest other = request("acme", "csv-tools", "0.1.0", "Split CSV files.", "", List.of(), Map.of());
            registry.publish(other);
            registry.publish(request("rival", "pdf-tools", "2.0.0", "Rival PDFs.", "documents", List.of(), Map.of()));

            List<SkillHead> heads = registry.heads("acme");

            assertThat(heads).containsExactly(
                    new SkillHead(new SkillRef("acme", "csv-tools"), "", "active", "0.1.0",
                            other.bundle().contentDigest()),
                    new SkillHead(PDF, "documents/pdf", "active", "1.1.0", latest.bundle().contentDigest()));
            assertThat(registry.heads("nobody")).isEmpty();
            assertThat(registry.archive(PDF, "1.1.0").orElseThrow()).isEqualTo(latest.bundle().archive());
            assertThat(registry.archive(PDF, "9.9.9")).isEmpty();

            try (Registry owner = kind.http() ? HttpRegistry.open(opened.server().url().toString(),
                    Optional.of(opened.local().accounts().bootstrap("ada").secret())) : null) {
                Registry archiving = owner == null ? registry : owner;
                archiving.archiveSkill(PDF);
                assertThatThrownBy(() -> archiving.archiveSkill(new SkillRef("acme", "nothing")))
                        .isInstanceOf(NoSuchSkillException.class);
            }

            assertThat(registry.heads("acme")).extracting(SkillHead::ref, SkillHead::archived)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(new SkillRef("acme", "csv-tools"), false),
                            org.assertj.core.groups.Tuple.tuple(PDF, true));
            assertThat(registry.skill(PDF).orElseThrow().status()).isEqualTo("archived");
        }
    }
}
