package com.leadhandoff.qualification;

import static com.leadhandoff.qualification.DecisionTable.vars;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** decisions/rejection-handling.dmn: what happens to a lead sales rejected, by the structured reason. */
class RejectionHandlingTest {

  static final DecisionTable TABLE = new DecisionTable("rejection-handling.dmn");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      wrong person: recycle after 7 days                          | wrong-person       |   | RECYCLE          | P7D
      too small: marketing reviews the fit rules                  | too-small          |   | MARKETING_REVIEW | P30D
      wrong industry: marketing reviews                           | wrong-industry     |   | MARKETING_REVIEW | P30D
      no budget: recycle after 90 days                            | no-budget          | 0 | RECYCLE          | P90D
      no need: recycle after 60 days                              | no-need            | 1 | RECYCLE          | P60D
      timing, recycled twice before: recycle after 90 days        | timing             | 2 | RECYCLE          | P90D
      timing, recycled 3 times before: disqualify, stop the loop  | timing             | 3 | DISQUALIFY       |
      duplicate: disqualify                                       | duplicate          |   | DISQUALIFY       |
      bad contact data: marketing reviews                         | bad-contact-data   |   | MARKETING_REVIEW | P30D
      competitor or spam: disqualify                              | competitor-or-spam |   | DISQUALIFY       |
      other: joint review                                         | other              |   | JOINT_REVIEW     | P30D
      an unknown reason goes to the joint review                  | leads-suck         |   | JOINT_REVIEW     | P30D
      no reason goes to the joint review                          |                    |   | JOINT_REVIEW     | P30D
      a review is not limited by the recycle count                | too-small          | 5 | MARKETING_REVIEW | P30D
      """)
  void action(String rule, String rejectionReason, Integer recycleCount, String action, String reEntryDelay) {
    DmnDecisionResultEntries result = TABLE.evaluate("RejectionHandling", vars("rejectionReason", rejectionReason, "recycleCount", recycleCount))
        .getSingleResult();
    assertThat((String) result.get("rejectionAction")).as(rule).isEqualTo(action);
    assertThat((String) result.get("reEntryDelay")).as(rule).isEqualTo(reEntryDelay);
    assertThat((String) result.get("rejectionPolicy")).as(rule).isNotBlank();
  }

  @AfterAll
  static void everyRuleOfTheAgreementIsTested() {
    TABLE.assertEveryRuleMatched();
  }
}
