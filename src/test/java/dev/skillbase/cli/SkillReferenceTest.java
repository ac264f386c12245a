package dev.skillbase.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skillbase.registry.SkillRef;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SkillReferenceTest {

    @Test
    void reads_namespace_and_name() {
        assertThat(SkillReference.parse("local/pdf"))
                .isEqualTo(new SkillReference(new SkillRef("local", "pdf"), Optional.empty()));
    }

    @Test
    void reads_an_optional_version() {
        assertThat(SkillReference.parse("team/pdf@1.2.3").version()).contains("1.2.3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pdf", "local/", "/pdf", "a/b/c", "local/pdf@", "local/pdf@1@2", "local /pdf"})
    void rejects_a_malformed_reference_as_a_usage_error(String text) {
        assertThatThrownBy(() -> SkillReference.parse(text))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining(text)
                .hasMessageContaining("NAMESPACE/NAME");
    }
}
