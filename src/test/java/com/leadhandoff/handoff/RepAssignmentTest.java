package com.leadhandoff.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.capture.LeadCaptureService;
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
  @Autowired java.time.Clock clock;
  @Autowired IdentityService identity;
  @Autowired LeadCaptureService capture;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;
  UUID lead;

  @BeforeEach
  void team() {
    for (String rep : List.of("rr-a", "rr-b", "rr-c")) {
      TestUsers.ensure(identity, rep, "sales-test");
      routing.saveAvailability(new RoutingRepository.Availability(rep, null, null, null));
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
    routing.saveAvailability(new RoutingRepository.Availability(second, today.minusDays(1), today.plusDays(7), null));
    routing.saveAvailability(new RoutingRepository.Availability(third, null, null, 0));

    RepAssignment.Choice choice = assignment.rotate("sales-test", null, null);
    assertThat(choice.rep()).isEqualTo(first);
    assertThat(choice.reason())
        .contains(second + " (out of office until " + today.plusDays(7) + ")")
        .contains(third + " (at capacity, 0 of 0 open leads)");
  }

  @Test
  void leadsInSalesFollowUpCountTowardsTheRepsCapacity() {
    routing.saveAvailability(new RoutingRepository.Availability("rr-a", null, null, 1));
    engine.getRuntimeService().startProcessInstanceByKey("SalesFollowUp", lead.toString(), java.util.Map.of(
        "assignee", "rr-a", "team", "sales-test", "firstContactWithin", "PT4H", "firstContactWarningAfter", "PT3H",
        "escalateTo", "sales-managers"));

    assertThat(assignment.rotate("sales-test", "rr-b", "just let the SLA lapse on this lead").reason()).contains("rr-a (at capacity, 1 of 1 open leads)");
  }

  @Test
  void theRepWhoJustMissedTheSlaIsSkippedAndWithNobodyLeftTheLeadWaitsInTheTeamQueue() {
    routing.saveAvailability(new RoutingRepository.Availability("rr-a", null, null, 0));
    routing.saveAvailability(new RoutingRepository.Availability("rr-c", null, null, 0));

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
    routing.saveAvailability(new RoutingRepository.Availability("rr-b", today, today.plusDays(3), null));
    RepAssignment.Choice away = assignment.ownerOrRotation("sales-test", "rr-b", null, null);
    assertThat(away.rep()).isIn("rr-a", "rr-c");
    assertThat(away.reason()).startsWith("account owner rr-b not available (out of office until " + today.plusDays(3)
        + "), so the team's rotation: ").contains("rotation");

    routing.saveAvailability(new RoutingRepository.Availability("rr-b", null, null, 0));
    assertThat(assignment.ownerOrRotation("sales-test", "rr-b", null, null).reason())
        .startsWith("account owner rr-b not available (at capacity, 0 of 0 open leads)");

    RepAssignment.Choice inactive = assignment.ownerOrRotation("sales-test", "rr-outsider", null, null);
    assertThat(inactive.rep()).isIn("rr-a", "rr-b", "rr-c").isNotEqualTo("rr-outsider");
    assertThat(inactive.reason()).startsWith("account owner rr-outsider not available (inactive: not a rep of sales-test)");

    routing.saveAvailability(new RoutingRepository.Availability("rr-b", null, null, null));
    assertThat(assignment.ownerOrRotation("sales-test", "rr-b", "rr-b", "just let the SLA lapse on this lead").reason())
        .as("the owner who let the SLA lapse is skipped like anyone")
        .startsWith("account owner rr-b not available (just let the SLA lapse on this lead)");
    assertThat(assignment.ownerOrRotation("sales-test", null, null, null).reason()).as("no owner: the rotation").contains("rotation")
        .doesNotContain("owner");
  }
}
