package com.leadhandoff.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestReps;
import com.leadhandoff.TestUsers;
import com.leadhandoff.teams.TeamRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import com.leadhandoff.capture.LeadCaptureService;
import com.leadhandoff.lead.DecisionRecord;
import com.leadhandoff.lead.LeadRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Fair round-robin: in turn, never to a rep who is away or full, and always saying why. */
@LeadHandoffTest
class RepAssignmentTest {

  @Autowired RepAssignment assignment;
  @Autowired RoutingRepository routing;
  @Autowired TeamRepository reps;
  @Autowired JdbcClient jdbc;
  @Autowired java.time.Clock clock;
  @Autowired IdentityService identity;
  @Autowired LeadCaptureService capture;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  @Autowired LeadRepository leads;
  UUID lead;

  @BeforeEach
  void team() {
    for (String rep : List.of("rr-a", "rr-b", "rr-c")) {
      TestUsers.ensure(identity, rep, "sales-test");
      TestReps.set(jdbc, reps, rep, null, null, null);
    }
    lead = TestLeads.gradeA(capture, "rr-" + UUID.randomUUID() + "@acme.example", "webinar", null).id();
  }

  private String assignInTurn() {
    RepAssignment.Choice choice = assignment.rotate("sales-test", null, null);
    routing.record(new RoutingRepository.LedgerEntry(lead, "sales-test", choice.rep(), choice.reason(), OffsetDateTime.now(clock)));
    return choice.rep();
  }

  @Test
  void repsTakeTurnsAndAwayOrFullRepsAreSkippedWithTheReasonInTheLedger() {
    String first = assignInTurn();
    String second = assignInTurn();
    String third = assignInTurn();
    assertThat(List.of(first, second, third)).containsExactlyInAnyOrder("rr-a", "rr-b", "rr-c");
    assertThat(assignInTurn()).as("the rotation wraps around").isEqualTo(first);
    assertThat(assignment.rotate("sales-test", null, null).rep()).as("next in turn").isEqualTo(second);

    LocalDate today = OffsetDateTime.now(clock).atZoneSameInstant(ZoneId.of("Europe/Berlin")).toLocalDate();
    TestReps.set(jdbc, reps, second, today.minusDays(1), today.plusDays(7), null);
    TestReps.set(jdbc, reps, third, null, null, 0);

    RepAssignment.Choice choice = assignment.rotate("sales-test", null, null);
    assertThat(choice.rep()).isEqualTo(first);
    assertThat(choice.reason())
        .contains(second + " (out of office until " + today.plusDays(7) + ")")
        .contains(third + " (at capacity, 0 of 0 open leads)");
  }

  @Test
  void leadsInSalesFollowUpCountTowardsTheRepsCapacity() {
    TestReps.set(jdbc, reps, "rr-a", null, null, 1);
    // the follow-up's SLA clock runs on the lead's SlaPolicy decision, which a nurtured lead has not had yet
    leads.addDecision(lead, new DecisionRecord("SlaPolicy", 1, "SlaPolicy:1:test", List.of(),
        new ObjectMapper().createArrayNode().add(new ObjectMapper().createObjectNode().put("firstContactWithin", "PT4H")
            .put("firstContactWarningAfter", "PT3H").put("escalateTo", "sales-managers")), OffsetDateTime.now(clock)));
    engine.getRuntimeService().startProcessInstanceByKey("SalesFollowUp", lead.toString(), java.util.Map.of(
        "assignee", "rr-a", "team", "sales-test"));

    assertThat(assignment.rotate("sales-test", "rr-b", "just let the SLA lapse on this lead").reason()).contains("rr-a (at capacity, 1 of 1 open leads)");
  }

  @Test
  void theRepWhoJustMissedTheSlaIsSkippedAndWithNobodyLeftTheLeadWaitsInTheTeamQueue() {
    TestReps.set(jdbc, reps, "rr-a", null, null, 0);
    TestReps.set(jdbc, reps, "rr-c", null, null, 0);

    RepAssignment.Choice choice = assignment.rotate("sales-test", "rr-b", "just let the SLA lapse on this lead");

    assertThat(choice.rep()).isNull();
    assertThat(choice.reason()).startsWith("no rep available, left in the team queue")
        .contains("rr-b (just let the SLA lapse on this lead)");
  }

  @Test
  void anAccountOwnerNamedByTheDecisionGetsTheLeadUnlessAwayAtCapacityOrInactiveThenTheRotationWithTheReason() {
    TestUsers.ensure(identity, "rr-outsider", "marketing");
    RepAssignment.Choice owner = assignment.ownerOrRotation("sales-test", "rr-b", null, null);
    assertThat(owner.rep()).isEqualTo("rr-b");
    assertThat(owner.reason()).isEqualTo("the account's owner (named by LeadRouting)");

    LocalDate today = OffsetDateTime.now(clock).atZoneSameInstant(ZoneId.of("Europe/Berlin")).toLocalDate();
    TestReps.set(jdbc, reps, "rr-b", today, today.plusDays(3), null);
    RepAssignment.Choice away = assignment.ownerOrRotation("sales-test", "rr-b", null, null);
    assertThat(away.rep()).isIn("rr-a", "rr-c");
    assertThat(away.reason()).startsWith("account owner rr-b not available (out of office until " + today.plusDays(3)
        + "), so the team's rotation: ").contains("rotation");

    TestReps.set(jdbc, reps, "rr-b", null, null, 0);
    assertThat(assignment.ownerOrRotation("sales-test", "rr-b", null, null).reason())
        .startsWith("account owner rr-b not available (at capacity, 0 of 0 open leads)");

    RepAssignment.Choice inactive = assignment.ownerOrRotation("sales-test", "rr-outsider", null, null);
    assertThat(inactive.rep()).isIn("rr-a", "rr-b", "rr-c").isNotEqualTo("rr-outsider");
    assertThat(inactive.reason()).startsWith("account owner rr-outsider not available (inactive: not a rep of sales-test)");

    TestReps.set(jdbc, reps, "rr-b", null, null, null);
    assertThat(assignment.ownerOrRotation("sales-test", "rr-b", "rr-b", "just let the SLA lapse on this lead").reason())
        .as("the owner who let the SLA lapse is skipped like anyone")
        .startsWith("account owner rr-b not available (just let the SLA lapse on this lead)");
    assertThat(assignment.ownerOrRotation("sales-test", null, null, null).reason()).as("no owner: the rotation").contains("rotation")
        .doesNotContain("owner");
  }

  @Test
  void overThreeHundredLeadsEachRepGetsTheShareOfTheirWeightWithinFivePercentAndTheLedgerShowsTheWeight() {
    reps.saveRep(new TeamRepository.RepSettings("rr-a", true, 1000, 2, null, 0), java.util.Map.of());
    reps.saveRep(new TeamRepository.RepSettings("rr-b", true, 1000, 1, null, 0), java.util.Map.of());
    reps.saveRep(new TeamRepository.RepSettings("rr-c", true, 1000, 1, null, 0), java.util.Map.of());
    java.util.Map<String, Integer> leads = new java.util.HashMap<>();
    for (int i = 0; i < 300; i++) {
      RepAssignment.Choice choice = assignment.rotate("sales-test", null, null);
      assertThat(choice.reason()).startsWith("weighted rotation: weight " + (choice.rep().equals("rr-a") ? 2 : 1) + " of 4 among the 3 available reps");
      leads.merge(choice.rep(), 1, Integer::sum);
    }
    assertThat(leads.get("rr-a")).as("weight 2 of 4: 150 leads").isBetween(143, 157);
    assertThat(leads.get("rr-b")).as("weight 1 of 4: 75 leads").isBetween(71, 79);
    assertThat(leads.get("rr-c")).as("weight 1 of 4: 75 leads").isBetween(71, 79);
  }

  @Test
  void anInactiveRepGetsNoNewLead() {
    reps.saveRep(new TeamRepository.RepSettings("rr-b", false, null, 1, null, 0), java.util.Map.of());
    for (int i = 0; i < 4; i++) {
      RepAssignment.Choice choice = assignment.rotate("sales-test", null, null);
      assertThat(choice.rep()).isIn("rr-a", "rr-c");
      assertThat(choice.reason()).contains("rr-b (inactive)");
    }
  }
}
