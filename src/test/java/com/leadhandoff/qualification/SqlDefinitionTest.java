package com.leadhandoff.qualification;

import static com.leadhandoff.qualification.DecisionTable.vars;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * decisions/sql-definition.dmn: the lead is an SQL when no criterion is open; every open one is named, as a real "no"
 * (NOT_MET, handed back with a reason) or as not known yet (the rep keeps the lead).
 */
class SqlDefinitionTest {

  static final DecisionTable TABLE = new DecisionTable("sql-definition.dmn");

  private static List<String> open(Boolean need, String authority, String timeframe, String budget, Boolean meeting) {
    return TABLE.evaluate("SqlDefinition", vars("needConfirmed", need, "authority", authority, "timeframe", timeframe,
        "budgetRange", budget, "firstMeetingBooked", meeting)).getResultList().stream()
        .map(row -> row.get("unmetCriterion") + " | " + row.get("verdict") + " | " + row.get("handBackReason")).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      need, buyer, within 3 months, 10k-50k, meeting booked: SQL   | true  | economic-buyer | within-3-months  | 10k-50k   | true  |                                                            |               |
      an influencer and a 12-month plan over 50k: SQL              | true  | influencer     | within-12-months | over-50k  | true  |                                                            |               |
      no confirmed need: a real no                                 | false | economic-buyer | within-3-months  | 10k-50k   | true  | need not confirmed: the prospect named no problem we solve | NOT_MET       | no-need
      only a user of the product, no buyer access: a real no       | true  | user           | within-3-months  | 10k-50k   | true  | no access to the economic buyer or an influencer           | NOT_MET       | wrong-person
      no purchase planned: a real no                               | true  | economic-buyer | no-plan          | 10k-50k   | true  | no purchase planned within 12 months                       | NOT_MET       | timing
      budget under 10k: a real no                                  | true  | economic-buyer | within-3-months  | under-10k | true  | budget below 10k                                           | NOT_MET       | no-budget
      need not asked yet                                           |       | economic-buyer | within-3-months  | 10k-50k   | true  | need not asked yet                                         | NOT_KNOWN_YET | null
      who decides not known yet                                    | true  | unknown        | within-3-months  | 10k-50k   | true  | who decides is not known yet                               | NOT_KNOWN_YET | null
      timeframe not known yet                                      | true  | economic-buyer | unknown          | 10k-50k   | true  | buying timeframe not known yet                             | NOT_KNOWN_YET | null
      budget not known yet                                         | true  | economic-buyer | within-3-months  | unknown   | true  | budget not known yet                                       | NOT_KNOWN_YET | null
      no first meeting yet                                         | true  | economic-buyer | within-3-months  | 10k-50k   | false | no first meeting booked yet                                | NOT_KNOWN_YET | null
      """)
  void oneCriterion(String rule, Boolean need, String authority, String timeframe, String budget, Boolean meeting, String gap,
      String verdict, String handBackReason) {
    List<String> expected = gap == null ? List.of() : List.of(gap + " | " + verdict + " | " + handBackReason);
    assertThat(open(need, authority, timeframe, budget, meeting)).as(rule).isEqualTo(expected);
  }

  @Test
  void nothingAnsweredListsEveryCriterionAsNotKnownYetSoTheRepKnowsWhatToAsk() {
    assertThat(open(null, null, null, null, null)).hasSize(5).allMatch(row -> row.contains("NOT_KNOWN_YET"));
  }

  @AfterAll
  static void everyRuleOfTheAgreementIsTested() {
    TABLE.assertEveryRuleMatched();
  }
}
