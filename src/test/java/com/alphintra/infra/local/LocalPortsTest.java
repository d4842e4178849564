package com.alphintra.infra.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalPortsTest {

  @Test
  void aFreePreferredPortIsKept() {
    assertThat(LocalPorts.choose(3000, port -> true, Set.of())).isEqualTo(3000);
  }

  @Test
  void aBusyPortMovesToTheNextFreeOne() {
    assertThat(LocalPorts.choose(3000, port -> port != 3000 && port != 3001, Set.of()))
        .isEqualTo(3002);
  }

  @Test
  void aPortTakenByAnotherForwardOfThisRunIsSkipped() {
    assertThat(LocalPorts.choose(9090, port -> true, Set.of(9090))).isEqualTo(9091);
  }

  @Test
  void noFreePortNearbyIsAClearFailure() {
    assertThatThrownBy(() -> LocalPorts.choose(3000, port -> false, Set.of()))
        .isInstanceOf(StepFailedException.class)
        .hasMessageContaining("no free local port between 3000 and 3099");
  }
}
