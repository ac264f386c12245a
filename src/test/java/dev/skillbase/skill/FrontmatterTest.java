package dev.skillbase.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrontmatterTest {

    private static Frontmatter parse(String yaml) {
        return SkillDocument.parse("---\n" + yaml + "---\n").frontmatter();
    }

    @Test
    void string_is_present_only_for_non_blank_strings() {
        Frontmatter fm = parse("name: pdf\ndescription: \"  \"\nflag: true\n");
        assertThat(fm.name()).contains("pdf");
        assertThat(fm.description()).isEmpty();
        assertThat(fm.string("flag")).isEmpty();
        assertThat(fm.string("absent")).isEmpty();
    }

    @Test
    void metadata_renders_every_value_as_a_string() {
        Frontmatter fm = parse("metadata:\n  version: 2.0\n  beta: true\n  tags: [a, b]\n  empty:\n  deep: {k: v}\n");
        assertThat(fm.metadata()).containsExactly(
                Map.entry("version", "2.0"), Map.entry("beta", "true"), Map.entry("tags", "[\"a\",\"b\"]"),
                Map.entry("deep", "{\"k\":\"v\"}"));
        assertThat(parse("metadata: text\n").metadata()).isEmpty();
        assertThat(parse("name: a\n").metadata()).isEmpty();
    }

    @Test
    void tags_merge_metadata_and_top_level_lower_cased_without_duplicates() {
        assertThat(parse("metadata:\n  tags: PDF, Docs ,,pdf\ntags: [docs, Extra, 3]\n").tags())
                .containsExactly("pdf", "docs", "extra", "3");
        assertThat(parse("metadata:\n  tags: [A, b]\n").tags()).containsExactly("a", "b");
        assertThat(parse("name: x\n").tags()).isEmpty();
    }

    @Test
    void to_json_keeps_key_order_and_types() {
        assertThat(parse("name: a\nflag: true\nversion: 1.0\nlist: [x]\n").toJson())
                .isEqualTo("{\"name\":\"a\",\"flag\":true,\"version\":\"1.0\",\"list\":[\"x\"]}");
    }

    @Test
    void of_copies_deeply_and_is_unmodifiable() {
        Map<Object, Object> source = new LinkedHashMap<>();
        source.put("name", "a");
        source.put(7, List.of("x"));
        Frontmatter fm = Frontmatter.of(source);
        source.put("name", "changed");
        assertThat(fm.values()).containsExactly(Map.entry("name", "a"), Map.entry("7", List.of("x")));
        assertThatThrownBy(() -> fm.values().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(fm).isEqualTo(Frontmatter.of(Map.of("name", "a", "7", List.of("x"))))
                .hasSameHashCodeAs(Frontmatter.of(Map.of("name", "a", "7", List.of("x"))));
        assertThat(fm.toString()).contains("name=a");
    }
}
