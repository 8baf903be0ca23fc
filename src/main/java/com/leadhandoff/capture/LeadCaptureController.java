package com.leadhandoff.capture;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.leadhandoff.accounts.Account;
import com.leadhandoff.accounts.AccountRepository;
import com.leadhandoff.api.ApiProblems.FieldError;
import com.leadhandoff.api.InvalidRequestException;
import com.leadhandoff.feedback.Contact;
import com.leadhandoff.feedback.ContactRepository;
import com.leadhandoff.feedback.Feedback;
import com.leadhandoff.feedback.FeedbackRepository;
import com.leadhandoff.handoff.RoutingRepository;
import com.leadhandoff.lead.Activity;
import com.leadhandoff.lead.DecisionRecord;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadRepository;
import com.leadhandoff.lead.LeadStage;
import com.leadhandoff.lead.StageEvent;
import com.leadhandoff.security.Access;
import com.leadhandoff.security.Groups;
import com.leadhandoff.sla.SlaBreach;
import com.leadhandoff.sla.SlaClockRecord;
import com.leadhandoff.sla.SlaRepository;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The lead-capture API: push leads and engagement in, read leads back. */
@RestController
@RequestMapping("/api/leads")
public class LeadCaptureController {

  static final int MAX_PAGE_SIZE = 200;

  private final LeadCaptureService capture;
  private final LeadRepository leads;
  private final SlaRepository slas;
  private final RoutingRepository routing;
  private final LeadImportService imports;
  private final FeedbackRepository feedback;
  private final ContactRepository contacts;
  private final AccountRepository accounts;

  public LeadCaptureController(LeadCaptureService capture, LeadRepository leads, SlaRepository slas, RoutingRepository routing,
      LeadImportService imports, FeedbackRepository feedback, ContactRepository contacts, AccountRepository accounts) {
    this.accounts = accounts;
    this.imports = imports;
    this.feedback = feedback;
    this.contacts = contacts;
    this.capture = capture;
    this.leads = leads;
    this.slas = slas;
    this.routing = routing;
  }

  /**
   * 201 with the new lead, or 200 with the open lead of the same email (the submission became engagement on it). That
   * lead was sent by someone else: a caller who may not read leads (a capture-only key) gets only its id and status.
   */
  @PostMapping
  @PreAuthorize(Access.CAPTURING)
  public ResponseEntity<?> capture(@RequestBody LeadSubmission submission,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Authentication caller) {
    CaptureResult result = capture.capture(submission, caller.getName(), idempotencyKey);
    ResponseEntity.BodyBuilder response = ResponseEntity.status(result.status()).location(URI.create("/api/leads/" + result.lead().id()));
    if (result.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    boolean mayRead = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(authority -> authority.equals(Access.SCOPE + Access.READ_SCOPE) || authority.equals(Access.ROLE + Groups.ADMINS));
    return result.created() || mayRead ? response.body(result.lead()) : response.body(new MergedLead(result.lead().id(), result.lead().status()));
  }

  /** What a capture-only caller learns of the open lead its submission was added to. */
  public record MergedLead(UUID id, LeadStage status) {}

  /**
   * A CSV file (UTF-8, header row) of leads: 202 with the import job; every row's result at its Location.
   * A file that is not valid CSV with a known header is refused with 400 and nothing is imported.
   */
  @PostMapping(path = "/import", consumes = {"text/csv", "application/csv"})
  @PreAuthorize(Access.CAPTURING)
  public ResponseEntity<ImportJob> importCsv(HttpServletRequest request, Principal caller) throws java.io.IOException {
    ImportJob job = imports.start(request.getInputStream(), caller.getName()).job();
    return ResponseEntity.accepted().location(URI.create("/api/leads/import/" + job.id())).body(job);
  }

  /** An import's progress and each row's result (created, merged or rejected with why); ?outcome= filters the rows. */
  @GetMapping("/import/{id}")
  @PreAuthorize(Access.IMPORT_RESULTS)
  public ImportJob importJob(@PathVariable UUID id, @RequestParam(required = false) String outcome) {
    if (outcome != null && !List.of("created", "merged", "rejected").contains(outcome)) {
      throw new InvalidRequestException(List.of(new FieldError("outcome", "must be created, merged or rejected")));
    }
    return imports.job(id, outcome).orElseThrow(() -> new ImportNotFoundException(id));
  }

  /** An engagement event on a lead; a nurtured lead is qualified again shortly after. */
  @PostMapping("/{id}/activities")
  @PreAuthorize(Access.CAPTURING)
  public ResponseEntity<Activity> activity(@PathVariable UUID id, @RequestBody LeadSubmission.Activity activity) {
    return ResponseEntity.status(HttpStatus.CREATED).body(capture.recordActivity(id, activity));
  }

  /** One page of leads, newest first. */
  @GetMapping
  @PreAuthorize(Access.READING_LEADS)
  public LeadPage list(@RequestParam(required = false) String status, @RequestParam(required = false) String source,
      @RequestParam(required = false) String campaign, @RequestParam(required = false) String team,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    List<FieldError> errors = new ArrayList<>();
    LeadStage stage = null;
    if (status != null) {
      try {
        stage = LeadStage.valueOf(status);
      } catch (IllegalArgumentException unknown) {
        errors.add(new FieldError("status", "must be one of " + List.of(LeadStage.values())));
      }
    }
    if (page < 0) {
      errors.add(new FieldError("page", "must be 0 or more"));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      errors.add(new FieldError("size", "must be between 1 and " + MAX_PAGE_SIZE));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return new LeadPage(leads.search(stage, source, campaign, team, page, size), page, size, leads.count(stage, source, campaign, team));
  }

  /**
   * The lead with its stage history, every decision taken about it (key, version, matched rules), its
   * activities, the account it matched (how, and the account now), its SLA clocks (with how each due date was counted and when it was met), its breaches, why each rep got
   * it, every contact a rep logged (attempts and the conversation) and the feedback sales and marketing gave about it.
   */
  @GetMapping("/{id}")
  @PreAuthorize(Access.READING_LEADS)
  public LeadView lead(@PathVariable UUID id) {
    Lead lead = leads.find(id).orElseThrow(() -> new LeadNotFoundException(id));
    Account account = lead.accountMatch() == null ? null : accounts.find(lead.accountMatch().accountId()).orElse(null);
    return new LeadView(lead, account, leads.stages(id), leads.decisions(id), leads.activities(id), slas.clocks(id), slas.breaches(id),
        routing.ledger(id), contacts.of(id), feedback.of(id));
  }

  /**
   * What GET /api/leads/{id} answers; {@code accountMatch} (in the lead) is how the lead matched an account at capture,
   * {@code account} that account as it is now.
   */
  public record LeadView(@JsonUnwrapped Lead lead, Account account, List<StageEvent> stages, List<DecisionRecord> decisions, List<Activity> activities,
      List<SlaClockRecord> slaClocks, List<SlaBreach> slaBreaches, List<RoutingRepository.LedgerEntry> routing,
      List<Contact> contacts, List<Feedback> feedback) {}

  /** A page of leads and how many match in all. */
  public record LeadPage(List<Lead> items, int page, int size, long total) {}

  @ExceptionHandler(LeadNotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(LeadNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(ImportNotFoundException.class)
  ResponseEntity<ProblemDetail> importNotFound(ImportNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(LeadImportService.ImportQueueFullException.class)
  ResponseEntity<ProblemDetail> importQueueFull(LeadImportService.ImportQueueFullException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "300")
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
  }

  @ExceptionHandler(LeadClosedException.class)
  ResponseEntity<ProblemDetail> closed(LeadClosedException e) {
    return problem(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(IdempotencyKeyReusedException.class)
  ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
  }
}
