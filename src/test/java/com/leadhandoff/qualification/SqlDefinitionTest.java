package com.leadhandoff.qualification;

import static com.leadhandoff.qualification.DecisionTable.vars;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** decisions/sql-definition.dmn: the lead is an SQL when no criterion is unmet; every unmet one is named. */
class SqlDefinitionTest {

  static final DecisionTable TABLE = new DecisionTable("sql-definition.dmn");

  private static List<Object> gaps(Boolean need, String authority, String timeframe, String budget, Boolean meeting) {
    return TABLE.evaluate("SqlDefinition", vars("needConfirmed", need, "authority", authority, "timeframe", timeframe,
        "budgetRange", budget, "firstMeetingBooked", meeting)).collectEntries("unmetCriterion");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      need, buyer, within 3 months, 10k-50k, meeting booked: SQL     | true  | economic-buyer | within-3-months  | 10k-50k   | true  |
      an influencer and a 12-month plan over 50k: SQL                | true  | influencer     | within-12-months | over-50k  | true  |
      no confirmed need                                              | false | economic-buyer | within-3-months  | 10k-50k   | true  | need not confirmed: the prospect named no problem we solve
      only a user of the product, no buyer access                    | true  | user           | within-3-months  | 10k-50k   | true  | no access to the economic buyer or an influencer
      no purchase planned                                            | true  | economic-buyer | no-plan          | 10k-50k   | true  | no purchase planned within 12 months
      budget under 10k                                               | true  | economic-buyer | within-3-months  | under-10k | true  | budget below 10k or unknown
      no first meeting                                               | true  | economic-buyer | within-3-months  | 10k-50k   | false | no first meeting booked
      """)
  void oneCriterion(String rule, Boolean need, String authority, String timeframe, String budget, Boolean meeting, String gap) {
    List<Object> expected = gap == null ? List.of() : List.of(gap);
    assertThat(gaps(need, authority, timeframe, budget, meeting)).as(rule).isEqualTo(expected);
  }

  @Test
  void nothingAnsweredListsEveryCriterionSoTheRepKnowsWhatToAsk() {
    assertThat(gaps(null, null, null, null, null)).hasSize(5);
  }

  @AfterAll
  static void everyRuleOfTheAgreementIsTested() {
    TABLE.assertEveryRuleMatched();
  }
}
