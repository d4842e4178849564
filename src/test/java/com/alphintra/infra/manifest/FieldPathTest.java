package com.alphintra.infra.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldPathTest {

  @Test
  void readsKeysIndexesAndQuotedKeys() {
    assertThat(FieldPath.parse("spec.containers[0].ports[12].name").segments())
        .containsExactly(
            new PathSegment.Key("spec"),
            new PathSegment.Key("containers"),
            new PathSegment.Index(0),
            new PathSegment.Key("ports"),
            new PathSegment.Index(12),
            new PathSegment.Key("name"));
    assertThat(FieldPath.parse("metadata.labels[\"app.kubernetes.io/name\"]").segments())
        .containsExactly(
            new PathSegment.Key("metadata"),
            new PathSegment.Key("labels"),
            new PathSegment.Key("app.kubernetes.io/name"));
    assertThat(FieldPath.parse("").isRoot()).isTrue();
    assertThat(FieldPath.parse("[0]").segments()).containsExactly(new PathSegment.Index(0));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "spec.containers[0].securityContext",
        "metadata.labels[\"app.kubernetes.io/name\"]",
        "[\"a\\\"b\"].c",
        "items[3]",
        "a",
        "[\"\"]"
      })
  void writesWhatItReads(String text) {
    assertThat(FieldPath.parse(text).toString()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {".a", "a.", "a..b", "a[x]", "a[-1]", "a[1", "a[\"b]", "a[0]b", "a.[0]"})
  void rejectsWhatIsNotAPath(String text) {
    assertThatThrownBy(() -> FieldPath.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void buildsAndShortensPaths() {
    FieldPath path = FieldPath.root().key("spec").key("ports").index(0);
    assertThat(path).hasToString("spec.ports[0]");
    assertThat(path.parent()).hasToString("spec.ports");
    assertThat(FieldPath.root().parent().isRoot()).isTrue();
    assertThat(new FieldPath(List.of(new PathSegment.Key("a.b")))).hasToString("[\"a.b\"]");
  }
}
