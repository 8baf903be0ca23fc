package com.leadhandoff.capture;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import com.leadhandoff.api.ApiProblems.FieldError;
import com.leadhandoff.api.InvalidRequestException;
import com.leadhandoff.lead.Activity;
import com.leadhandoff.lead.Lead;
import com.leadhandoff.lead.LeadStage;
import com.leadhandoff.security.Access;
import com.leadhandoff.security.Groups;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.security.Principal;
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

/** The lead-capture API: push leads, CSV imports and engagement in (the lead package reads them back). */
@RestController
@RequestMapping("/api/leads")
public class LeadCaptureController {

  private final LeadCaptureService capture;
  private final LeadImportService imports;

  public LeadCaptureController(LeadCaptureService capture, LeadImportService imports) {
    this.capture = capture;
    this.imports = imports;
  }

  /**
   * 201 with the new lead, or 200 with the open lead of the same email (the submission became engagement on it). That
   * lead was sent by someone else: a caller who may not read leads (a capture-only key) gets only its id and status.
   */
  @PostMapping
  @PreAuthorize(Access.CAPTURING)
  @ApiResponse(responseCode = "201", description = "The lead was created; Location is its address",
      content = @Content(schema = @Schema(implementation = Lead.class)))
  @ApiResponse(responseCode = "200", description = "The email has an open lead: the submission became engagement on it "
      + "(a caller who may not read leads gets its id and status only)",
      content = @Content(schema = @Schema(anyOf = {Lead.class, MergedLead.class})))
  @ApiResponse(responseCode = "422", description = "The Idempotency-Key was sent before with another request")
  @ApiResponse(responseCode = "503", description = "A decision returned a result its processes cannot handle; nothing was stored, send it again later")
  public ResponseEntity<?> capture(@RequestBody LeadSubmission submission,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Authentication caller) {
    CaptureResult result = capture.capture(submission, caller.getName(), idempotencyKey);
    ResponseEntity.BodyBuilder response = ResponseEntity.status(result.status()).location(URI.create("/api/leads/" + result.lead().id()));
    if (result.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    boolean mayRead = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(authority -> authority.equals(Access.SCOPE + Access.READ_SCOPE) || authority.equals(Access.ROLE + Groups.ADMINS));
    return result.created() || mayRead ? response.body(result.lead())
        : response.body(new MergedLead(result.lead().id(), result.lead().progress().status()));
  }

  /** What a capture-only caller learns of the open lead its submission was added to. */
  public record MergedLead(UUID id, LeadStage status) {}

  /**
   * A CSV file (UTF-8, header row) of leads: 202 with the import job; every row's result at its Location.
   * A file that is not valid CSV with a known header is refused with 400 and nothing is imported.
   */
  @PostMapping(path = "/import", consumes = {"text/csv", "application/csv"})
  @PreAuthorize(Access.CAPTURING)
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "text/csv",
      schema = @Schema(type = "string", example = "email,source,first_name,company,company_size\\njane.doe@acme.example,webinar,Jane,Acme,800")))
  @ApiResponse(responseCode = "202", description = "The import runs; Location is the job, which reports every row")
  @ApiResponse(responseCode = "503", description = "Too many imports wait; Retry-After says when to send it again")
  public ResponseEntity<ImportJob> importCsv(HttpServletRequest request, Principal caller) throws java.io.IOException {
    ImportJob job = imports.start(request.getInputStream(), caller.getName());
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
  @ApiResponse(responseCode = "201", description = "The activity was recorded")
  @ApiResponse(responseCode = "409", description = "The lead is closed and takes no engagement")
  public ResponseEntity<Activity> activity(@PathVariable UUID id, @RequestBody LeadSubmission.Activity activity) {
    return ResponseEntity.status(HttpStatus.CREATED).body(capture.recordActivity(id, activity));
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
