package com.alphintra.infra.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionTest {

  @Test
  void findsTheFirstDottedNumberInAProgramsOutput() {
    assertThat(Version.find("Client Version: v1.32.4-dispatcher")).contains(new Version(1, 32, 4));
    assertThat(Version.find("Terraform v1.11.4\non linux_amd64")).contains(new Version(1, 11, 4));
    assertThat(Version.find("17")).contains(new Version(17, 0, 0));
  }

  @Test
  void textWithoutNumbersHasNoVersion() {
    assertThat(Version.find("command not found")).isEmpty();
    assertThatThrownBy(() -> Version.parse("abc")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void comparesPartByPart() {
    assertThat(Version.parse("1.10.0").isAtLeast(Version.parse("1.9.3"))).isTrue();
    assertThat(Version.parse("5.7.9").isAtLeast(Version.parse("5.8.0"))).isFalse();
    assertThat(Version.parse("5.8.0").isAtLeast(Version.parse("5.8.0"))).isTrue();
  }
}
