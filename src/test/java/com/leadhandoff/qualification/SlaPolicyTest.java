package com.leadhandoff.qualification;

import static com.leadhandoff.qualification.DecisionTable.vars;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** decisions/sla-policy.dmn: business-time SLAs per priority and segment. */
class SlaPolicyTest {

  static final DecisionTable TABLE = new DecisionTable("sla-policy.dmn");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      hot: accept within 1 business hour, contact within 4, escalation within 2   | hot  | commercial | PT1H | PT45M | PT4H  | PT3H  | PT2H
      warm: accept within 4 business hours, contact within 8, escalation within 4 | warm | enterprise | PT4H | PT3H  | PT8H  | PT6H  | PT4H
      cold enterprise accounts get warm SLAs                                      | cold | enterprise | PT4H | PT3H  | PT8H  | PT6H  | PT4H
      cold: accept within 8 business hours, contact within 16, escalation in 8    | cold | commercial | PT8H | PT6H  | PT16H | PT12H | PT8H
      no priority is handled as cold                                              |      |            | PT8H | PT6H  | PT16H | PT12H | PT8H
      """)
  void slas(String rule, String priority, String queue, String accept, String acceptWarning, String contact, String contactWarning,
      String escalation) {
    DmnDecisionResultEntries sla = TABLE.evaluate("SlaPolicy", vars("priority", priority, "queue", queue)).getSingleResult();
    assertThat((String) sla.get("acceptWithin")).as(rule).isEqualTo(accept);
    assertThat((String) sla.get("acceptWarningAfter")).as(rule).isEqualTo(acceptWarning);
    assertThat((String) sla.get("firstContactWithin")).as(rule).isEqualTo(contact);
    assertThat((String) sla.get("firstContactWarningAfter")).as(rule).isEqualTo(contactWarning);
    assertThat((String) sla.get("escalateTo")).as(rule).isEqualTo("sales-managers");
    assertThat((String) sla.get("escalationWithin")).as(rule).isEqualTo(escalation);
  }

  @AfterAll
  static void everyRuleOfTheAgreementIsTested() {
    TABLE.assertEveryRuleMatched();
  }
}
