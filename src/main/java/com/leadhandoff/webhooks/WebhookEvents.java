package com.leadhandoff.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadhandoff.handoff.RoutingRepository;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadAssigned;
import com.leadhandoff.lead.LeadRepository;
import com.leadhandoff.lead.LeadStage;
import com.leadhandoff.lead.LeadStageReached;
import com.leadhandoff.lead.PersonalDataErased;
import com.leadhandoff.outbox.NewMessage;
import com.leadhandoff.outbox.Outbox;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happens to a lead into webhook messages, one per subscription that wants the event, written to the outbox
 * in the transaction of the step (so a rolled-back step sends nothing) and ordered per subscription and lead. The body
 * follows the Standard Webhooks payload structure: {@code type}, {@code timestamp}, {@code data} (the lead as it is now:
 * status, team, owner, contact and company; an erased lead's id only).
 */
@Component
public class WebhookEvents {

  /** The event types a subscription may name, and the stage each one is. */
  public static final Map<LeadStage, String> STAGE_EVENTS = Map.ofEntries(
      Map.entry(LeadStage.CAPTURED, "lead.captured"), Map.entry(LeadStage.MQL, "lead.mql"),
      Map.entry(LeadStage.ACCEPTED, "lead.accepted"), Map.entry(LeadStage.REJECTED, "lead.rejected"),
      Map.entry(LeadStage.CONTACTED, "lead.contacted"), Map.entry(LeadStage.SQL, "lead.sql"), Map.entry(LeadStage.WON, "lead.won"),
      Map.entry(LeadStage.LOST, "lead.lost"), Map.entry(LeadStage.RECYCLED, "lead.recycled"),
      Map.entry(LeadStage.DISQUALIFIED, "lead.disqualified"), Map.entry(LeadStage.SLA_WARNING, "sla.warning"),
      Map.entry(LeadStage.SLA_BREACHED, "sla.breached"));
  public static final String ASSIGNED = "lead.assigned";
  public static final String ERASED = "lead.erased";
  public static final List<String> TYPES = List.of("lead.captured", "lead.mql", ASSIGNED, "lead.accepted", "lead.rejected",
      "lead.contacted", "lead.sql", "lead.won", "lead.lost", "lead.recycled", "lead.disqualified", ERASED, "sla.warning",
      "sla.breached");

  private final WebhookSubscriptions subscriptions;
  private final Outbox outbox;
  private final LeadRepository leads;
  private final RoutingRepository routing;
  private final ObjectMapper json;

  private final java.time.Clock time;

  public WebhookEvents(WebhookSubscriptions subscriptions, Outbox outbox, LeadRepository leads, RoutingRepository routing,
      ObjectMapper json, java.time.Clock time) {
    this.time = time;
    this.subscriptions = subscriptions;
    this.outbox = outbox;
    this.leads = leads;
    this.routing = routing;
    this.json = json;
  }

  @EventListener
  public void reached(LeadStageReached event) {
    String type = STAGE_EVENTS.get(event.stage());
    if (type != null) {
      send(type, event.leadId(), event.at(), data -> data.put("stage", event.stage().name()).put("actor", event.actor())
          .put("detail", event.detail()));
    }
  }

  @EventListener
  public void assigned(LeadAssigned event) {
    send(ASSIGNED, event.leadId(), event.at(), data -> data.put("rep", event.rep()).put("owner", event.rep()).put("team", event.team())
        .put("reason", event.reason()));
  }

  /** After the outbox forgot the lead's earlier messages (its listener goes first), so this one keeps its id. */
  @EventListener
  @org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
  public void erased(PersonalDataErased event) {
    send(ERASED, event.leadId(), OffsetDateTime.now(time), null);
  }

  private void send(String type, UUID leadId, OffsetDateTime at, java.util.function.Consumer<ObjectNode> details) {
    List<WebhookSubscriptions.Subscription> wanting = subscriptions.wanting(type);
    if (wanting.isEmpty()) {
      return;
    }
    ObjectNode payload = json.createObjectNode().put("type", type).put("timestamp", at.toString());
    ObjectNode data = payload.putObject("data").put("leadId", leadId.toString());
    if (details != null) {
      Lead lead = leads.find(leadId).orElseThrow();
      data.put("status", lead.progress().status() == null ? null : lead.progress().status().name()).put("team", lead.progress().team())
          .put("owner", owner(leadId)).put("email", lead.contact().email()).put("firstName", lead.contact().firstName()).put("lastName", lead.contact().lastName())
          .put("company", lead.company().companyName()).put("source", lead.attribution().source()).put("campaign", lead.attribution().campaign())
          .put("priority", lead.progress().priority());
      details.accept(data);
    }
    String body = payload.toString();
    for (WebhookSubscriptions.Subscription subscription : wanting) {
      outbox.enqueue(NewMessage.of(WebhookChannel.NAME, subscription.id().toString(), type, leadId, null, body)
          .orderedBy(subscription.id() + "/" + leadId));
    }
  }

  /** The rep who has the lead now: the routing ledger's last choice. */
  private String owner(UUID leadId) {
    List<RoutingRepository.LedgerEntry> ledger = routing.ledger(leadId);
    return ledger.isEmpty() ? null : ledger.get(ledger.size() - 1).assignee();
  }
}
