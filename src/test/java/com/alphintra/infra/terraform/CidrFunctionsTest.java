package com.alphintra.infra.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphintra.infra.hcl.HclParser;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code cidrsubnet} and {@code cidrhost} give exactly Terraform's answers (its documented examples
 * included).
 */
class CidrFunctionsTest {

  private static Value eval(String expression) {
    return Evaluator.withoutContext()
        .evaluate(HclParser.parseExpression(expression, Path.of("cidr.tf")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "172.16.0.0/12           | 4  | 2   | 172.18.0.0/16",
        "10.1.2.0/24             | 4  | 15  | 10.1.2.240/28",
        "10.10.0.0/16            | 4  | 0   | 10.10.0.0/20",
        "10.10.0.0/16            | 4  | 9   | 10.10.144.0/20",
        "10.10.0.0/16            | 8  | 201 | 10.10.201.0/24",
        "10.10.0.0/16            | 0  | 0   | 10.10.0.0/16",
        "10.1.2.77/24            | 2  | 1   | 10.1.2.64/26",
        "0.0.0.0/0               | 1  | 1   | 128.0.0.0/1",
        "172.16.0.0/28           | 4  | 15  | 172.16.0.15/32",
        "fd00:fd12:3456:7890::/56 | 16 | 162 | fd00:fd12:3456:7800:a200::/72",
        "2001:db8::/32           | 16 | 1   | 2001:db8:1::/48",
        "::/0                    | 64 | 0   | ::/64",
      })
  void cidrsubnet(String prefix, int newbits, int netnum, String expected) {
    assertThat(eval("cidrsubnet(\"" + prefix + "\", " + newbits + ", " + netnum + ")"))
        .isEqualTo(Value.of(expected));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "10.12.112.0/20                 | 16  | 10.12.112.16",
        "10.12.112.0/20                 | 268 | 10.12.113.12",
        "10.0.0.0/24                    | -1  | 10.0.0.255",
        "10.0.0.0/24                    | -256 | 10.0.0.0",
        "192.168.1.0/30                 | 3   | 192.168.1.3",
        "fd00:fd12:3456:7890:00a2::/72  | 34  | fd00:fd12:3456:7890::22",
        "2001:db8::/64                  | 1   | 2001:db8::1",
      })
  void cidrhost(String prefix, int hostnum, String expected) {
    assertThat(eval("cidrhost(\"" + prefix + "\", " + hostnum + ")")).isEqualTo(Value.of(expected));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "cidrsubnet(\"10.0.0.0/30\", 4, 0)",
        "cidrsubnet(\"10.0.0.0/16\", 4, 16)",
        "cidrsubnet(\"10.0.0.0/16\", -1, 0)",
        "cidrsubnet(\"10.0.0.0/16\", 4, -1)",
        "cidrsubnet(\"10.0.0.256/16\", 4, 0)",
        "cidrsubnet(\"10.0.0.0\", 4, 0)",
        "cidrsubnet(\"10.0.0.0/33\", 1, 0)",
        "cidrsubnet(\"fd00:::/56\", 8, 0)",
        "cidrhost(\"10.0.0.0/24\", 256)",
        "cidrhost(\"10.0.0.0/24\", -257)",
        "cidrhost(\"10.0.0.0/24\", 1.5)",
      })
  void invalidInputIsUnknownNotAnException(String expression) {
    assertThat(eval(expression)).isEqualTo(Value.unknown());
  }
}
