package com.leadhandoff.qualification;

import static com.leadhandoff.qualification.DecisionTable.vars;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** decisions/lead-routing.dmn: team and queue by region, segment and industry; a named account's owner; nothing left unrouted. */
class LeadRoutingTest {

  static final DecisionTable TABLE = new DecisionTable("lead-routing.dmn");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a German ministry goes to EMEA public sector           | DE | 5000 | government |                  |      | sales-emea     | public-sector        |
      EMEA enterprise starts at 1,000 employees              | GB | 1000 | software   |                  |      | sales-emea     | enterprise           |
      999 employees in EMEA is mid-market                    | GB | 999  | software   |                  |      | sales-emea     | mid-market           |
      EMEA mid-market starts at 200 employees                | FR | 200  |            |                  |      | sales-emea     | mid-market           |
      199 employees in EMEA is commercial                    | FR | 199  |            |                  |      | sales-emea     | commercial           |
      unknown size in EMEA is commercial                     | NL |      |            |                  |      | sales-emea     | commercial           |
      a US school district goes to Americas public sector    | US | 300  | education  |                  |      | sales-americas | public-sector        |
      Americas enterprise starts at 1,000 employees          | US | 1000 |            |                  |      | sales-americas | enterprise           |
      999 employees in the Americas is mid-market            | CA | 999  |            |                  |      | sales-americas | mid-market           |
      199 employees in the Americas is commercial            | BR | 199  |            |                  |      | sales-americas | commercial           |
      a country without a territory goes to the default team | JP | 5000 | software   |                  |      | sales-emea     | unassigned-territory |
      no country at all goes to the default team             |    |      |            |                  |      | sales-emea     | unassigned-territory |
      leads from a customer's account go to its owner, before any territory rule       | DE | 5000 | government | customer         | anna | sales-emea     | named-account        | anna
      leads from an account with an open opportunity go to its owner                   | GB | 50   |            | open-opportunity | ben  | sales-emea     | named-account        | ben
      a customer in the Americas goes to its owner in Sales Americas                   | US | 1000 |            | customer         | carla| sales-americas | named-account        | carla
      a customer in a country without a territory goes to its owner in Sales EMEA      | JP | 300  |            | customer         | anna | sales-emea     | named-account        | anna
      a customer's account without an owner goes to the territory's rotation           | DE | 1000 |            | customer         |      | sales-emea     | enterprise           |
      a target account is routed like any lead: the rotation                           | US | 300  |            | target           | dave | sales-americas | mid-market           |
      a former customer is routed like any lead: the rotation                          | FR | 199  |            | former-customer  | anna | sales-emea     | commercial           |
      """)
  void teamAndQueue(String rule, String country, Integer companySize, String industry, String accountStatus, String accountOwner,
      String team, String queue, String owner) {
    DmnDecisionResultEntries result = TABLE.evaluate("LeadRouting", vars("country", country, "companySize", companySize, "industry", industry,
            "accountStatus", accountStatus, "accountOwner", accountOwner))
        .getSingleResult();
    assertThat((String) result.get("team")).as(rule).isEqualTo(team);
    assertThat((String) result.get("queue")).as(rule).isEqualTo(queue);
    assertThat((String) result.get("owner")).as(rule + ": the owner, or nobody (the team's rotation)").isEqualTo(owner);
  }

  @AfterAll
  static void everyRuleOfTheAgreementIsTested() {
    TABLE.assertEveryRuleMatched();
  }
}
