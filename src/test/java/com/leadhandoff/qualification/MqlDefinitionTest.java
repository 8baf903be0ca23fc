package com.leadhandoff.qualification;

import static com.leadhandoff.qualification.DecisionTable.vars;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** decisions/mql-definition.dmn: MQL, keep nurturing, joint review (grey case) or disqualify. */
class MqlDefinitionTest {

  static final DecisionTable TABLE = new DecisionTable("mql-definition.dmn");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a competitor is disqualified even as grade A              | rivalsoft.example | kim@rivalsoft.example  | CEO                 |                 | A | 90 |       | DISQUALIFY   | competitor
      a throw-away mailbox is spam                              | mailinator.com    | x7@mailinator.com      |                     |                 | A | 90 |       | DISQUALIFY   | spam
      a test address is spam                                    | acme.example      | Test1@acme.example     |                     |                 | A | 90 |       | DISQUALIFY   | spam
      a student is disqualified                                 | uni.example       | sam@uni.example        | PhD Student         |                 | B | 60 |       | DISQUALIFY   | student
      a job seeker is disqualified                              | acme.example      | jo@acme.example        | Open to work        |                 | A | 60 |       | DISQUALIFY   | job seeker
      asking for a job interview is a job seeker                | acme.example      | jo@acme.example        | Engineer            | job-application | A | 60 |       | DISQUALIFY   | job seeker
      recycled without new engagement keeps nurturing           | acme.example      | jo@acme.example        | VP Sales            |                 | A | 90 | false | NURTURE      | recycled: waits for new engagement since the rejection
      recycled with new engagement can be MQL again             | acme.example      | jo@acme.example        | VP Sales            |                 | A | 90 | true  | MQL          | grade A with engagement 30+
      grade A with engagement 30 is MQL                         | acme.example      | jo@acme.example        |                     |                 | A | 30 |       | MQL          | grade A with engagement 30+
      grade A with engagement 29 keeps nurturing                | acme.example      | jo@acme.example        |                     |                 | A | 29 |       | NURTURE      | not sales-ready yet
      grade B with engagement 50 is MQL                         | acme.example      | jo@acme.example        |                     |                 | B | 50 |       | MQL          | grade B with engagement 50+
      grade B with engagement 49 is a grey case                 | acme.example      | jo@acme.example        |                     |                 | B | 49 |       | JOINT_REVIEW | grade B, engagement just under the MQL line
      grade B with engagement 40 is a grey case                 | acme.example      | jo@acme.example        |                     |                 | B | 40 |       | JOINT_REVIEW | grade B, engagement just under the MQL line
      grade B with engagement 39 keeps nurturing                | acme.example      | jo@acme.example        |                     |                 | B | 39 |       | NURTURE      | not sales-ready yet
      grade C with engagement 70 is a grey case                 | acme.example      | jo@acme.example        |                     |                 | C | 70 |       | JOINT_REVIEW | very engaged but a weak fit
      grade C with engagement 69 keeps nurturing                | acme.example      | jo@acme.example        |                     |                 | C | 69 |       | NURTURE      | not sales-ready yet
      grade D keeps nurturing however engaged                   | acme.example      | jo@acme.example        |                     |                 | D | 100|       | NURTURE      | not sales-ready yet
      nothing known keeps nurturing (never lost)                |                   |                        |                     |                 |   |    |       | NURTURE      | not sales-ready yet
      """)
  void mqlOutcome(String rule, String companyDomain, String email, String title, String firstMeetingExpectation,
      String fitGrade, Integer engagementScore, Boolean newEngagementSinceRejection, String outcome, String reason) {
    DmnDecisionResultEntries result = TABLE.evaluate("MqlDefinition", vars("companyDomain", companyDomain, "email", email,
        "title", title, "firstMeetingExpectation", firstMeetingExpectation, "fitGrade", fitGrade,
        "engagementScore", engagementScore, "newEngagementSinceRejection", newEngagementSinceRejection)).getSingleResult();
    assertThat((String) result.get("mqlOutcome")).as(rule).isEqualTo(outcome);
    assertThat((String) result.get("mqlReason")).as(rule).isEqualTo(reason);
  }

  @AfterAll
  static void everyRuleOfTheAgreementIsTested() {
    TABLE.assertEveryRuleMatched();
  }
}
