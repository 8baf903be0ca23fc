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

/** The contacts reps logged, written in the task's transaction. */
@Repository
public class ContactRepository implements LeadViewPart {

  private final JdbcClient jdbc;

  public ContactRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(Contact c) {
    jdbc.sql("""
        insert into lead_contacts (lead_id, rep, channel, outcome, conversation, contacted_at, logged_at, note)
        values (:lead, :rep, :channel, :outcome, :conversation, :contactedAt, :loggedAt, :note)""")
        .param("lead", c.leadId()).param("rep", c.rep()).param("channel", c.channel()).param("outcome", c.outcome())
        .param("conversation", c.conversation()).param("contactedAt", c.contactedAt()).param("loggedAt", c.loggedAt())
        .param("note", c.note())
        .update();
  }

  public List<Contact> of(UUID leadId) {
    return jdbc.sql("select * from lead_contacts where lead_id = :lead order by contacted_at, id").param("lead", leadId)
        .query((rs, n) -> new Contact(rs.getObject("lead_id", UUID.class), rs.getString("rep"), rs.getString("channel"),
            rs.getString("outcome"), rs.getBoolean("conversation"), rs.getObject("contacted_at", OffsetDateTime.class),
            rs.getObject("logged_at", OffsetDateTime.class), rs.getString("note")))
        .list();
  }

  /** A lead's erasure: the rep's notes go; channel, outcome and time stay. */
  @EventListener
  public void erase(PersonalDataErased erasure) {
    jdbc.sql("update lead_contacts set note = null where lead_id = :id").param("id", erasure.leadId()).update();
  }

  @Override
  public Map<String, Object> partsOf(Lead lead) {
    return Map.of("contacts", of(lead.id()));
  }
}
