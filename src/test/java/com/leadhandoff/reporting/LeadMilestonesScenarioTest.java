package com.leadhandoff.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.Jobs;
import com.leadhandoff.LeadScenario;
import static com.leadhandoff.TestLeads.chosen;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.lead.Lead;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The milestones the reports read are written by the processes themselves, in the team's business minutes:
 * a hot lead captured Tuesday 10:00 in Berlin, accepted 10:30, first contact Wednesday 09:15, qualified and won
 * Thursday 11:00.
 */
class LeadMilestonesScenarioTest extends LeadScenario {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Autowired JdbcClient jdbc;

  @BeforeEach
  void reps() {
    TestUsers.ensure(engine.getIdentityService(), "milestone-rep", "sales-emea");
  }

  static Date berlin(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant());
  }

  private void complete(Lead lead, String taskKey, String at, Map<String, Object> variables) {
    clockAt(berlin(at));
    Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(lead.id().toString()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
    engine.getTaskService().complete(task.getId(), variables);
    Jobs.runDueForLead(engine, lead.id());
  }

  private Map<String, Object> row(Lead lead) {
    return jdbc.sql("""
        select mql_at, assigned_at, accepted_at, first_contact_at, sql_at, opportunity_at, closed_at, system_minutes,
          accept_minutes, first_contact_minutes, sql_minutes, close_minutes, mql_rule, rejected_at
        from lead_milestones where lead_id = :id""").param("id", lead.id()).query().singleRow();
  }

  private static Date at(Object timestamp) {
    return Date.from(((OffsetDateTime) timestamp).toInstant());
  }

  @Test
  void aWonLeadCarriesEveryMilestoneAndItsBusinessMinutes() {
    clockAt(berlin("2026-12-01T10:00"));
    Lead lead = TestLeads.gradeAAtOwnCompany(capture, "milestone-" + UUID.randomUUID(), "webinar", "q4", "demo-request");
    complete(lead, "Task_AcceptLead", "2026-12-01T10:30", Map.of("decision", "accept"));
    complete(lead, "Task_LogFirstContact", "2026-12-02T09:15",
        Map.of("contactChannel", "phone", "contactOutcome", "reached", "contactedAt", berlin("2026-12-02T09:15")));
    complete(lead, "Task_QualifyLead", "2026-12-02T09:45", Map.of("needConfirmed", true, "authority", "economic-buyer",
        "timeframe", "within-3-months", "budgetRange", "10k-50k", "firstMeetingBooked", true));
    complete(lead, "Task_WorkOpportunity", "2026-12-03T10:00", Map.of());
    complete(lead, "Task_CloseDeal", "2026-12-03T11:00", Map.of("dealOutcome", "WON", "winFactors", chosen("pain")));

    Map<String, Object> row = row(lead);
    assertThat(at(row.get("mql_at"))).isEqualTo(berlin("2026-12-01T10:00"));
    assertThat(at(row.get("assigned_at"))).isEqualTo(berlin("2026-12-01T10:00"));
    assertThat(at(row.get("accepted_at"))).isEqualTo(berlin("2026-12-01T10:30"));
    assertThat(at(row.get("first_contact_at"))).isEqualTo(berlin("2026-12-02T09:15"));
    assertThat(at(row.get("sql_at"))).isEqualTo(berlin("2026-12-02T09:45"));
    assertThat(at(row.get("closed_at"))).isEqualTo(berlin("2026-12-03T11:00"));
    assertThat(row.get("rejected_at")).isNull();
    assertThat(row.get("system_minutes")).as("assigned the moment it was captured").isEqualTo(0);
    assertThat(row.get("accept_minutes")).isEqualTo(30);
    assertThat(row.get("first_contact_minutes")).as("Tuesday 10:00-17:00 and Wednesday 09:00-09:15").isEqualTo(7 * 60 + 15);
    assertThat(row.get("sql_minutes")).isEqualTo(7 * 60 + 45);
    assertThat(row.get("close_minutes")).as("two working days and Thursday 09:00-11:00").isEqualTo(7 * 60 + 8 * 60 + 2 * 60);
    assertThat(row.get("mql_rule")).isEqualTo("MqlDefinition_FitAEngaged");
  }

  @Test
  void aRejectionIsAMilestoneAndAnswersTheAcceptSla() {
    clockAt(berlin("2026-12-01T10:00"));
    Lead lead = TestLeads.gradeAAtOwnCompany(capture, "milestone-" + UUID.randomUUID(), "webinar", "q4", "demo-request");
    complete(lead, "Task_AcceptLead", "2026-12-01T10:20", Map.of("decision", "reject", "rejectionReason", "no-budget"));

    assertThat(at(row(lead).get("rejected_at"))).isEqualTo(berlin("2026-12-01T10:20"));
    assertThat(row(lead).get("accepted_at")).isNull();
    assertThat(jdbc.sql("select met_at from lead_sla_clocks where lead_id = :id").param("id", lead.id()).query(OffsetDateTime.class).list())
        .as("the rep answered the accept task in time").extracting(LeadMilestonesScenarioTest::at)
        .containsExactly(berlin("2026-12-01T10:20"));
  }
}
