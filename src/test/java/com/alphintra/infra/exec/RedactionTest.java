package com.alphintra.infra.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void masksValuesOfSecretLookingKeyValueArguments() {
    assertThat(
            Redaction.redactArguments(
                List.of("terraform", "apply", "-var", "db_password=hunter2", "--token=abc")))
        .containsExactly("terraform", "apply", "-var", "db_password=****", "--token=****");
  }

  @Test
  void masksTheArgumentAfterASecretFlag() {
    assertThat(
            Redaction.redactArguments(
                List.of("docker", "login", "--password", "s3cret", "--username", "me")))
        .containsExactly("docker", "login", "--password", "****", "--username", "me");
  }

  @Test
  void leavesOrdinaryArgumentsAlone() {
    List<String> plain = List.of("k3d", "cluster", "create", "--config", "cluster-config.yaml");
    assertThat(Redaction.redactArguments(plain)).isEqualTo(plain);
  }

  @Test
  void masksBearerTokensPrivateKeysAndGoogleAccessTokensInText() {
    String text =
        "Authorization: Bearer abcdefghijklmnop\n"
            + "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----\n"
            + "token ya29.a0AfH6SMBxyzxyzxyz";

    String redacted = Redaction.redactText(text);

    assertThat(redacted).doesNotContain("abcdefghijklmnop", "MIIEow", "ya29.a0AfH6SMBxyzxyzxyz");
    assertThat(redacted).startsWith("Authorization: ****\n");
    assertThat(Redaction.redactText("curl -H Bearer abcdefghijklmnop"))
        .isEqualTo("curl -H Bearer ****");
  }

  @Test
  void commandDisplayIsRedacted() {
    assertThat(Command.of("gcloud", "--access-token-file=/tmp/x", "API_KEY=123").display())
        .isEqualTo("gcloud --access-token-file=**** API_KEY=****");
  }
}
