package com.leadhandoff.lead;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.leadhandoff.api.ApiProblems.FieldError;
import com.leadhandoff.api.InvalidRequestException;
import com.leadhandoff.security.Access;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads leads back: a page of leads, and one lead with everything the features keep about it. */
@RestController
@RequestMapping("/api/leads")
public class LeadController {

  static final int MAX_PAGE_SIZE = 200;

  private final LeadRepository leads;
  private final List<LeadViewPart> parts;

  public LeadController(LeadRepository leads, List<LeadViewPart> parts) {
    this.leads = leads;
    this.parts = parts;
  }

  /**
   * One page of leads, newest first. {@code status} is a lifecycle stage; {@code slaWarned}, {@code slaBreached} and
   * {@code escalated} (true or false) ask whether the lead ever had such an event, with any status.
   */
  @GetMapping
  @PreAuthorize(Access.READING_LEADS)
  public LeadPage list(@RequestParam(required = false) String status, @RequestParam(required = false) String source,
      @RequestParam(required = false) String campaign, @RequestParam(required = false) String team,
      @RequestParam(required = false) String slaWarned, @RequestParam(required = false) String slaBreached,
      @RequestParam(required = false) String escalated,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    List<FieldError> errors = new ArrayList<>();
    LeadFilter filter = new LeadFilter(status(status, errors), source, campaign, team, flag("slaWarned", slaWarned, errors),
        flag("slaBreached", slaBreached, errors), flag("escalated", escalated, errors));
    if (page < 0) {
      errors.add(new FieldError("page", "must be 0 or more"));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      errors.add(new FieldError("size", "must be between 1 and " + MAX_PAGE_SIZE));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new LeadPage(leads.search(filter, page, size), page, size, leads.count(filter));
  }

  private static LeadStage status(String status, List<FieldError> errors) {
    if (status == null) {
      return null;
    }
    LeadStage stage = Arrays.stream(LeadStage.values()).filter(s -> s.name().equals(status)).findFirst().orElse(null);
    if (stage == null || !stage.isLifecycle()) {
      errors.add(new FieldError("status", "must be one of " + LeadStage.lifecycle()
          + (stage == null ? "" : "; " + status + " is an event, not a status: filter with slaWarned, slaBreached or escalated")));
      return null;
    }
    return stage;
  }

  private static Boolean flag(String name, String value, List<FieldError> errors) {
    if (value == null || value.equals("true") || value.equals("false")) {
      return value == null ? null : Boolean.valueOf(value);
    }
    errors.add(new FieldError(name, "must be true or false"));
    return null;
  }

  /**
   * The lead with its stage history, every decision taken about it (key, version, matched rules) and its activities,
   * and what the features keep about it ({@link LeadViewPart}): the account it matched (how, and the account now), its
   * SLA clocks (how each due date was counted, when it warned, was breached, met or stopped), its breaches, why each rep
   * got it, every contact a rep logged (attempts and the conversation) and the feedback sales and marketing gave about it.
   */
  @GetMapping("/{id}")
  @PreAuthorize(Access.READING_LEADS)
  public LeadView lead(@PathVariable UUID id) {
    Lead lead = leads.find(id).orElseThrow(() -> new LeadNotFoundException(id));
    Map<String, Object> more = new LinkedHashMap<>();
    parts.forEach(part -> more.putAll(part.partsOf(lead)));
    return new LeadView(lead, leads.stages(id), leads.decisions(id), leads.activities(id), more);
  }

  /**
   * What GET /api/leads/{id} answers: the lead's fields ({@code accountMatch} is how it matched an account at capture),
   * its history, and the features' parts as fields of their own (e.g. {@code account}: that account as it is now).
   */
  @io.swagger.v3.oas.annotations.media.Schema(additionalProperties = io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.TRUE,
      description = "The lead's fields and history; the features' parts (account, slaClocks, slaBreaches, routing, contacts, feedback) "
          + "are further properties")
  public record LeadView(@JsonUnwrapped Lead lead, List<StageEvent> stages, List<DecisionRecord> decisions, List<Activity> activities,
      @io.swagger.v3.oas.annotations.media.Schema(hidden = true) @JsonAnyGetter Map<String, Object> parts) {}

  /** A page of leads and how many match in all. */
  public record LeadPage(List<Lead> items, int page, int size, long total) {}
}
