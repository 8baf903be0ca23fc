package com.leadhandoff.feedback;

import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadViewPart;
import com.leadhandoff.lead.PersonalDataErased;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Structured feedback, written in the task's transaction. */
@Repository
public class FeedbackRepository implements LeadViewPart {

  private final JdbcClient jdbc;

  public FeedbackRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void add(Feedback f) {
    jdbc.sql("""
        insert into lead_feedback (lead_id, kind, reason, factors, comment, questions_heard, objections_heard, content_that_helped,
          campaign_action, author, given_at)
        values (:lead, :kind, :reason, :factors, :comment, :questions, :objections, :content, :campaignAction, :author, :at)""")
        .param("lead", f.leadId()).param("kind", f.kind()).param("reason", f.reason()).param("factors", f.factors())
        .param("comment", f.comment()).param("questions", f.questionsHeard()).param("objections", f.objectionsHeard())
        .param("content", f.contentThatHelped()).param("campaignAction", f.campaignAction()).param("author", f.author()).param("at", f.givenAt())
        .update();
  }

  public List<Feedback> of(UUID leadId) {
    return jdbc.sql("select * from lead_feedback where lead_id = :lead order by given_at, id").param("lead", leadId)
        .query((rs, n) -> new Feedback(rs.getObject("lead_id", UUID.class), rs.getString("kind"), rs.getString("reason"),
            rs.getString("factors"), rs.getString("comment"), rs.getString("questions_heard"), rs.getString("objections_heard"),
            rs.getString("content_that_helped"), rs.getString("campaign_action"), rs.getString("author"), rs.getObject("given_at", OffsetDateTime.class)))
        .list();
  }

  /** A lead's erasure: the free text goes; the structured reasons and factors stay for the reports. */
  @EventListener
  public void erase(PersonalDataErased erasure) {
    jdbc.sql("""
        update lead_feedback set comment = null, questions_heard = null, objections_heard = null, content_that_helped = null,
          campaign_action = null
        where lead_id = :id""").param("id", erasure.leadId()).update();
  }

  @Override
  public Map<String, Object> partsOf(Lead lead) {
    return Map.of("feedback", of(lead.id()));
  }
}
