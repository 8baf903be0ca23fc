package com.leadhandoff.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.capture.LeadCaptureService;
import com.leadhandoff.lead.LeadJournal;
import java.time.LocalDate;
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
    routing.record(new RoutingRepository.LedgerEntry(lead, "sales-test", choice.rep(), choice.reason(), LeadJournal.now()));
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

    LocalDate today = LeadJournal.now().atZoneSameInstant(ZoneId.of("Europe/Berlin")).toLocalDate();
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
}
