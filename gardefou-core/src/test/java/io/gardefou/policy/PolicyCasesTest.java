package io.gardefou.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs the policy tests every pack ships as data ({@code policy/tests/<pack>.yaml}). */
class PolicyCasesTest {
  private static final PackPolicy POLICY = PolicyPacks.bundled();
  private static final List<PolicyTests.Case> CASES = PolicyTests.bundled();

  @TestFactory
  Stream<DynamicTest> everyShippedCasePasses() {
    return PolicyTests.run(POLICY, CASES).stream().map(result -> DynamicTest.dynamicTest(
        result.testCase().file() + ": " + result.testCase().name(),
        () -> assertThat(result.failures()).as(result.testCase().name()).isEmpty()));
  }

  @Test
  void everyPackShipsCasesIncludingARefusalOfSexualMinorsCitingItself() {
    for (Pack pack : POLICY.packs().values()) {
      List<PolicyTests.Case> own = CASES.stream().filter(c -> c.file().endsWith("/" + pack.id() + ".yaml")).toList();
      assertThat(own).as(pack.id() + " cases").isNotEmpty();
      assertThat(own).as(pack.id() + " refuses sexual/minors with its own rule")
          .anySatisfy(c -> assertThat(c.expect().rules()).contains(pack.id() + "/refuse-sexual-minors"));
    }
  }
}
