package com.leadhandoff.qualification;

import static com.leadhandoff.qualification.DecisionTable.vars;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** decisions/engagement-score.dmn: points for recent activity, capped to 0-100. */
class EngagementScoreTest {

  static final DecisionTable TABLE = new DecisionTable("engagement-score.dmn");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no activity at all: 0                                  | 0 | 0 | 0 | 0 | 0 |     |          | 0
      missing counts are no activity: 0                      |   |   |   |   |   |     |          | 0
      a demo request in the last 30 days: 40                 | 1 | 0 | 0 | 0 | 0 | 2   | web-form | 40
      pricing viewed 3 times: 25                             | 0 | 3 | 0 | 0 | 0 | 1   |          | 25
      pricing viewed twice: 15                               | 0 | 2 | 0 | 0 | 0 | 1   |          | 15
      pricing viewed once: 15                                | 0 | 1 | 0 | 0 | 0 | 1   |          | 15
      a webinar attended: 20                                 | 0 | 0 | 1 | 0 | 0 | 5   |          | 20
      3 downloads: 20                                        | 0 | 0 | 0 | 3 | 0 | 5   |          | 20
      2 downloads: 10                                        | 0 | 0 | 0 | 2 | 0 | 5   |          | 10
      1 download: 10                                         | 0 | 0 | 0 | 1 | 0 | 5   |          | 10
      2 email clicks: 10                                     | 0 | 0 | 0 | 0 | 2 | 5   |          | 10
      1 email click earns nothing                            | 0 | 0 | 0 | 0 | 1 | 5   |          | 0
      a referral is a warm introduction: 15                  | 0 | 0 | 0 | 0 | 0 |     | referral | 15
      a partner introduction: 15                             | 0 | 0 | 0 | 0 | 0 |     | partner  | 15
      quiet for 30 days costs nothing                        | 0 | 0 | 1 | 0 | 0 | 30  |          | 20
      quiet for 31 days costs 10                             | 0 | 0 | 1 | 0 | 0 | 31  |          | 10
      quiet for 60 days costs 10                             | 0 | 0 | 1 | 0 | 0 | 60  |          | 10
      quiet for 61 days costs 20                             | 0 | 0 | 1 | 0 | 0 | 61  |          | 0
      the score never goes below 0                           | 0 | 0 | 0 | 0 | 0 | 90  |          | 0
      exactly 100 points is 100                              | 1 | 3 | 1 | 0 | 0 | 1   | referral | 100
      the score is capped at 100                             | 1 | 3 | 1 | 3 | 2 | 1   | referral | 100
      """)
  void engagementScore(String rule, Integer demoRequests30d, Integer pricingViews30d, Integer webinarsAttended90d,
      Integer contentDownloads90d, Integer emailClicks30d, Integer daysSinceLastActivity, String source, int score) {
    Object result = TABLE.evaluate("EngagementScore", vars("demoRequests30d", demoRequests30d, "pricingViews30d", pricingViews30d,
        "webinarsAttended90d", webinarsAttended90d, "contentDownloads90d", contentDownloads90d, "emailClicks30d", emailClicks30d,
        "daysSinceLastActivity", daysSinceLastActivity, "source", source)).getSingleResult().getSingleEntry();
    assertThat(((Number) result).intValue()).as(rule).isEqualTo(score);
  }

  @AfterAll
  static void everyRuleOfTheAgreementIsTested() {
    TABLE.assertEveryRuleMatched();
  }
}
