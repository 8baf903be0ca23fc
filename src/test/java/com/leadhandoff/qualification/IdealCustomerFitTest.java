package com.leadhandoff.qualification;

import static com.leadhandoff.qualification.DecisionTable.vars;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** decisions/ideal-customer-fit.dmn: fit points from profile and intent, graded A-D. */
class IdealCustomerFitTest {

  static final DecisionTable TABLE = new DecisionTable("ideal-customer-fit.dmn");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      nothing known: 0 points, grade D                               |      |              |                      |    |                  |                    | 0   | D
      mid-market starts at 200 employees (30)                        | 200  |              |                      |    |                  |                    | 30  | C
      199 employees is growing (15), not mid-market                  | 199  |              |                      |    |                  |                    | 15  | D
      mid-market ends at 5,000 employees (30)                        | 5000 |              |                      |    |                  |                    | 30  | C
      over 5,000 is enterprise (20)                                  | 5001 |              |                      |    |                  |                    | 20  | D
      growing starts at 50 employees (15)                            | 50   |              |                      |    |                  |                    | 15  | D
      49 employees is small (5)                                      | 49   |              |                      |    |                  |                    | 5   | D
      small starts at 10 employees (5)                               | 10   |              |                      |    |                  |                    | 5   | D
      under 10 employees earns no size points                        | 9    |              |                      |    |                  |                    | 0   | D
      a negative size (bad data) earns no size points                | -5   |              |                      |    |                  |                    | 0   | D
      software, SaaS and fintech are core industries (25)            |      | fintech      |                      |    |                  |                    | 25  | C
      adjacent industries earn 15                                    |      | logistics    |                      |    |                  |                    | 15  | D
      an unlisted industry earns nothing                             |      | mining       |                      |    |                  |                    | 0   | D
      executives and founders sign (25)                              |      |              | Co-Founder & CEO     |    |                  |                    | 25  | C
      a managing director is an executive, not a director           |      |              | Managing Director    |    |                  |                    | 25  | C
      VPs and heads of a function own the budget (20)                |      |              | Head of Sales        |    |                  |                    | 20  | D
      directors champion (15)                                        |      |              | Director of IT       |    |                  |                    | 15  | D
      managers influence (10)                                        |      |              | Product Manager      |    |                  |                    | 10  | D
      students and interns lose 30                                   |      |              | Marketing Intern     |    |                  |                    | -30 | D
      core markets earn 15                                           |      |              |                      | DE |                  |                    | 15  | D
      other known countries earn 5                                   |      |              |                      | JP |                  |                    | 5   | D
      a purchase within 3 months earns 10                            |      |              |                      |    | within-3-months  |                    | 10  | D
      a purchase within 12 months earns 5                            |      |              |                      |    | within-12-months |                    | 5   | D
      no purchase planned loses 10                                   |      |              |                      |    | no-plan          |                    | -10 | D
      expecting a demo or pricing earns 10                           |      |              |                      |    |                  | pricing            | 10  | D
      expecting a technical deep-dive earns 5                        |      |              |                      |    |                  | technical-deep-dive| 5   | D
      grade A starts at 70: VP, 200 employees, software, Germany     | 200  | software     | VP Engineering       | DE |                  |                    | 90  | A
      70 points is grade A                                           | 200  | software     |                      | DE |                  |                    | 70  | A
      65 points is grade B                                           | 200  | fintech      | Product Manager      |    |                  |                    | 65  | B
      45 points is grade B                                           | 200  |              |                      | DE |                  |                    | 45  | B
      40 points is grade C                                           | 5001 |              | Director             | JP |                  |                    | 40  | C
      25 points is grade C                                           | 5001 |              |                      | JP |                  |                    | 25  | C
      20 points is grade D                                           | 5001 |              |                      |    |                  |                    | 20  | D
      """)
  void fitPointsAndGrade(String rule, Integer companySize, String industry, String title, String country,
      String buyingTimeframe, String firstMeetingExpectation, int points, String grade) {
    DmnDecisionResultEntries fit = TABLE.evaluate("IdealCustomerFit", vars("companySize", companySize, "industry", industry,
        "title", title, "country", country, "buyingTimeframe", buyingTimeframe, "firstMeetingExpectation", firstMeetingExpectation))
        .getSingleResult();
    assertThat(((Number) fit.get("fitScore")).intValue()).as(rule).isEqualTo(points);
    assertThat((String) fit.get("fitGrade")).as(rule).isEqualTo(grade);
  }

  @AfterAll
  static void everyRuleOfTheAgreementIsTested() {
    TABLE.assertEveryRuleMatched();
  }
}
