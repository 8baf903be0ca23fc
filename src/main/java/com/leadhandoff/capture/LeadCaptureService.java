package com.leadhandoff.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.leadhandoff.accounts.AccountMatcher;
import com.leadhandoff.accounts.Domains;
import com.leadhandoff.api.ApiProblems.FieldError;
import com.leadhandoff.api.InvalidRequestException;
import com.leadhandoff.deployment.Processes;
import com.leadhandoff.lead.Activity;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadJournal;
import com.leadhandoff.lead.LeadNotFoundException;
import com.leadhandoff.lead.LeadRepository;
import com.leadhandoff.lead.LeadStage;
import com.leadhandoff.qualification.LeadFacts;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a submitted lead and starts its lifecycle process, both or neither. A submission for an email
 * with an open lead becomes engagement on that lead; a contact whose lead closed starts a new lead linked
 * to it. An Idempotency-Key makes a retried request answer what the first one did.
 *
 * <p>Both rules hold under concurrency through primary keys (open_leads, idempotency_keys): the losing
 * transaction fails with a duplicate key and is run once more, when it sees the winner's result. Engagements of
 * one lead queue on its row lock; the same retry covers the engine's optimistic locking, when the job executor
 * moves the lead's process at the same moment.
 */
@Service
public class LeadCaptureService {

  private static final int ATTEMPTS = 5;
  private static final int MAX_KEY_LENGTH = 200;

  private final LeadRepository leads;
  private final LeadJournal journal;
  private final RuntimeService runtime;
  private final CaptureProperties properties;
  private final Validator validator;
  private final IdempotencyRepository idempotency;
  private final TransactionTemplate transaction;
  private final ObjectMapper json;
  private final AccountMatcher accounts;
  private final Clock clock;

  public LeadCaptureService(LeadRepository leads, LeadJournal journal, RuntimeService runtime, CaptureProperties properties,
      Validator validator, IdempotencyRepository idempotency, PlatformTransactionManager transactions, ObjectMapper json,
      AccountMatcher accounts, Clock clock) {
    this.clock = clock;
    this.accounts = accounts;
    this.leads = leads;
    this.journal = journal;
    this.runtime = runtime;
    this.properties = properties;
    this.validator = validator;
    this.idempotency = idempotency;
    this.transaction = new TransactionTemplate(transactions);
    this.json = json;
  }

  /** For callers without an Idempotency-Key (demo data, imports): the lead created or engaged. */
  public Lead capture(LeadSubmission submission, String caller) {
    return capture(submission, caller, null).lead();
  }

  public CaptureResult capture(LeadSubmission submission, String caller, String idempotencyKey) {
    validate(submission, idempotencyKey);
    String requestHash = idempotencyKey == null ? null : hash(submission);
    return retryingConflicts(() -> captureOnce(submission, caller, idempotencyKey, requestHash));
  }

  /**
   * Captures as {@link #capture(LeadSubmission, String, String)} does (no Idempotency-Key), with an import's bookkeeping in
   * the same transaction: {@code claim} first (false: the row is done already and nothing is captured), then
   * {@code record} with the result.
   */
  void capture(LeadSubmission submission, String caller, BooleanSupplier claim, Consumer<CaptureResult> record) {
    validate(submission, null);
    retryingConflicts(() -> {
      if (claim.getAsBoolean()) {
        record.accept(captureOnce(submission, caller, null, null));
      }
      return null;
    });
  }

  /** Runs the work in a transaction of its own, again when a concurrent transaction won a race for the same rows. */
  private <T> T retryingConflicts(java.util.function.Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> work.get());
      } catch (DuplicateKeyException | OptimisticLockingException raced) {
        if (attempt == ATTEMPTS) {
          throw raced;
        }
      }
    }
  }

  private CaptureResult captureOnce(LeadSubmission submission, String caller, String key, String requestHash) {
    if (key != null) {
      Optional<IdempotencyRepository.UsedKey> used = idempotency.find(caller, key);
      if (used.isPresent()) {
        if (!used.get().requestHash().equals(requestHash)) {
          throw new IdempotencyKeyReusedException(key);
        }
        return new CaptureResult(leads.find(used.get().leadId()).orElseThrow(), used.get().status() == 201, true);
      }
      idempotency.reserve(caller, key, requestHash, OffsetDateTime.now(clock));
    }
    String email = normaliseEmail(submission.contact().email());
    CaptureResult result = leads.openLeadOf(email)
        .map(open -> engage(open, submission))
        .orElseGet(() -> create(submission, caller, email));
    if (key != null) {
      idempotency.answer(caller, key, result.lead().id(), result.status());
    }
    return result;
  }

  private CaptureResult create(LeadSubmission submission, String caller, String email) {
    LeadSubmission.Company company = submission.company() != null
        ? submission.company() : new LeadSubmission.Company(null, null, null, null, null);
    LeadSubmission.Utm utm = submission.utm() != null ? submission.utm() : new LeadSubmission.Utm(null, null, null, null, null);
    String domain = Domains.companyDomain(company.website(), email);
    Lead.AccountMatch account = accounts.match(domain, email.substring(email.lastIndexOf('@') + 1), trim(company.name())).orElse(null);
    Lead lead = new Lead(UUID.randomUUID(),
        new Lead.Contact(email, trim(submission.contact().firstName()), trim(submission.contact().lastName()),
            trim(submission.contact().title()), trim(submission.contact().phone()), submission.consent(), submission.buyingTimeframe(),
            submission.firstMeetingExpectation()),
        new Lead.Company(trim(company.name()), company.size(), lowerCase(company.industry()),
            company.country() == null ? null : company.country().toUpperCase(Locale.ROOT), domain),
        new Lead.Attribution(submission.source(), trim(submission.campaign()), trim(utm.source()), trim(utm.medium()),
            trim(utm.campaign()), trim(utm.term()), trim(utm.content()), trim(submission.firstTouchContent())),
        Lead.Progress.CAPTURED, caller, OffsetDateTime.now(clock), leads.latestLeadOf(email).orElse(null), account);
    leads.insert(lead);
    leads.markOpen(email, lead.id());
    recordActivities(lead.id(), submission);
    journal.reached(lead.id(), LeadStage.CAPTURED, caller,
        "source " + lead.attribution().source() + (lead.previousLeadId() == null ? "" : ", returning contact of lead " + lead.previousLeadId())
            + (account == null ? "" : ", account matched by " + account.method() + " " + account.matchedOn()));
    runtime.startProcessInstanceByKey(Processes.LEAD_LIFECYCLE, lead.id().toString(), LeadFacts.start(lead));
    return new CaptureResult(leads.find(lead.id()).orElseThrow(), true, false);
  }

  /** The same person submitted again while their lead is open: engagement on that lead, not a second lead. */
  private CaptureResult engage(UUID openLead, LeadSubmission submission) {
    leads.lockForEngagement(openLead);
    leads.addActivity(openLead, new Activity("form-submission", OffsetDateTime.now(clock),
        trim("submitted again via " + submission.source() + (submission.campaign() == null ? "" : ", campaign " + submission.campaign())),
        OffsetDateTime.now(clock)));
    recordActivities(openLead, submission);
    notifyProcess(openLead);
    return new CaptureResult(leads.find(openLead).orElseThrow(), false, false);
  }

  private void recordActivities(UUID leadId, LeadSubmission submission) {
    for (LeadSubmission.Activity activity : activitiesOf(submission)) {
      leads.addActivity(leadId, new Activity(activity.type(),
          activity.occurredAt() != null ? activity.occurredAt() : OffsetDateTime.now(clock), trim(activity.content()), OffsetDateTime.now(clock)));
    }
  }

  /** An engagement event on an existing lead; a closed lead takes none (its story has ended). */
  public Activity recordActivity(UUID leadId, LeadSubmission.Activity activity) {
    List<FieldError> errors = new ArrayList<>();
    validator.validate(activity).forEach(v -> errors.add(new FieldError(fieldOf(v), v.getMessage())));
    errors.addAll(activityTypeErrors(List.of(activity), "activity").stream()
        .map(e -> new FieldError("type", e.message())).toList());
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return retryingConflicts(() -> {
      leads.lockForEngagement(leadId);
      Lead lead = leads.find(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
      if (lead.progress().status().isClosed()) {
        throw new LeadClosedException(lead);
      }
      Activity recorded = new Activity(activity.type(), activity.occurredAt() != null ? activity.occurredAt() : OffsetDateTime.now(clock),
          trim(activity.content()), OffsetDateTime.now(clock));
      leads.addActivity(leadId, recorded);
      notifyProcess(leadId);
      return recorded;
    });
  }

  /** Tells a nurtured lead's process about new engagement; a process busy elsewhere reads it at its next check. */
  private void notifyProcess(UUID leadId) {
    runtime.createMessageCorrelation("LeadEngaged").processInstanceBusinessKey(leadId.toString()).correlateAllWithResult();
  }

  /** Every rule at once, so the caller sees every bad field in one answer: annotations plus the configured lists. */
  private void validate(LeadSubmission submission, String idempotencyKey) {
    List<FieldError> errors = new ArrayList<>();
    validator.validate(submission).forEach(v -> errors.add(new FieldError(fieldOf(v), v.getMessage())));
    if (submission.source() != null && !submission.source().isBlank() && !properties.sources().contains(submission.source())) {
      errors.add(new FieldError("source", "must be one of " + properties.sources()));
    }
    errors.addAll(activityTypeErrors(activitiesOf(submission), "activities"));
    if (submission.company() != null && submission.company().website() != null) {
      try {
        Domains.companyDomain(submission.company().website(), null);
      } catch (InvalidRequestException badWebsite) {
        errors.addAll(badWebsite.errors());
      }
    }
    if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH
        || !idempotencyKey.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
      errors.add(new FieldError("Idempotency-Key", "must be 1-" + MAX_KEY_LENGTH + " visible ASCII characters"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  /** Activity types outside the configured list, reported under the given field name. */
  List<FieldError> activityTypeErrors(List<LeadSubmission.Activity> activities, String field) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < activities.size(); i++) {
      LeadSubmission.Activity activity = activities.get(i);
      if (activity != null && activity.type() != null && !activity.type().isBlank() && !properties.activityTypes().contains(activity.type())) {
        errors.add(new FieldError(field + "[" + i + "].type", "must be one of " + properties.activityTypes()));
      }
    }
    return errors;
  }

  /** The field a violation names, as the caller wrote it ("activities[0]", not Hibernate's "activities[0].<list element>"). */
  private static String fieldOf(jakarta.validation.ConstraintViolation<?> violation) {
    return violation.getPropertyPath().toString().replace(".<list element>", "");
  }

  private static List<LeadSubmission.Activity> activitiesOf(LeadSubmission submission) {
    return submission.activities() == null ? List.of() : submission.activities();
  }

  private String hash(LeadSubmission submission) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsString(submission).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot fingerprint the request", e);
    }
  }

  static String normaliseEmail(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  private static String trim(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String lowerCase(String value) {
    String trimmed = trim(value);
    return trimmed == null ? null : trimmed.toLowerCase(Locale.ROOT);
  }
}
