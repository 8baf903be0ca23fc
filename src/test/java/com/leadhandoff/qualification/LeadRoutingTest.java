package com.leadhandoff.qualification;

import static com.leadhandoff.qualification.DecisionTable.vars;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** decisions/lead-routing.dmn: team and queue by region, segment and industry; nothing left unrouted. */
class LeadRoutingTest {

  static final DecisionTable TABLE = new DecisionTable("lead-routing.dmn");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a German ministry goes to EMEA public sector           | DE | 5000 | government | sales-emea     | public-sector
      EMEA enterprise starts at 1,000 employees              | GB | 1000 | software   | sales-emea     | enterprise
      999 employees in EMEA is mid-market                    | GB | 999  | software   | sales-emea     | mid-market
      EMEA mid-market starts at 200 employees                | FR | 200  |            | sales-emea     | mid-market
      199 employees in EMEA is commercial                    | FR | 199  |            | sales-emea     | commercial
      unknown size in EMEA is commercial                     | NL |      |            | sales-emea     | commercial
      a US school district goes to Americas public sector    | US | 300  | education  | sales-americas | public-sector
      Americas enterprise starts at 1,000 employees          | US | 1000 |            | sales-americas | enterprise
      999 employees in the Americas is mid-market            | CA | 999  |            | sales-americas | mid-market
      199 employees in the Americas is commercial            | BR | 199  |            | sales-americas | commercial
      a country without a territory goes to the default team | JP | 5000 | software   | sales-emea     | unassigned-territory
      no country at all goes to the default team             |    |      |            | sales-emea     | unassigned-territory
      """)
  void teamAndQueue(String rule, String country, Integer companySize, String industry, String team, String queue) {
    DmnDecisionResultEntries result = TABLE.evaluate("LeadRouting", vars("country", country, "companySize", companySize, "industry", industry))
        .getSingleResult();
    assertThat((String) result.get("team")).as(rule).isEqualTo(team);
    assertThat((String) result.get("queue")).as(rule).isEqualTo(queue);
  }

  @AfterAll
  static void everyRuleOfTheAgreementIsTested() {
    TABLE.assertEveryRuleMatched();
  }
}
