package com.leadhandoff.qualification;

import static com.leadhandoff.qualification.DecisionTable.vars;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** decisions/lead-priority.dmn: fit grade x engagement score. */
class LeadPriorityTest {

  static final DecisionTable TABLE = new DecisionTable("lead-priority.dmn");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      grade A with engagement 40 is hot        | A |  40 | hot
      grade A with engagement 39 is warm       | A |  39 | warm
      grade B with engagement 60 is hot        | B |  60 | hot
      grade B with engagement 59 is warm       | B |  59 | warm
      grade B with engagement 30 is warm       | B |  30 | warm
      grade B with engagement 29 is cold       | B |  29 | cold
      grade C with engagement 60 is warm       | C |  60 | warm
      grade C with engagement 59 is cold       | C |  59 | cold
      grade D is cold whatever the engagement  | D | 100 | cold
      no grade is cold                         |   |  80 | cold
      """)
  void priority(String rule, String fitGrade, int engagementScore, String priority) {
    Object result = TABLE.evaluate("LeadPriority", vars("fitGrade", fitGrade, "engagementScore", engagementScore))
        .getSingleResult().getSingleEntry();
    assertThat(result).as(rule).isEqualTo(priority);
  }

  @AfterAll
  static void everyRuleOfTheAgreementIsTested() {
    TABLE.assertEveryRuleMatched();
  }
}
