package com.leadhandoff.accounts;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import com.leadhandoff.security.Access;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The accounts API for CRM syncs, sales managers and administrators: an idempotent upsert by the CRM's external id,
 * a read, and a CSV import with every row's result. Refused requests are problem details naming each bad field; nothing
 * of a refused request (or of a refused CSV row) is stored.
 */
@RestController
@RequestMapping("/api/accounts")
public class AccountsController {

  private final AccountService service;
  private final AccountRepository accounts;

  public AccountsController(AccountService service, AccountRepository accounts) {
    this.service = service;
    this.accounts = accounts;
  }

  /** 201 when the account is new, 200 when it was updated or already as sent. */
  @PutMapping("/{externalId}")
  @PreAuthorize(Access.WRITING_ACCOUNTS)
  @ApiResponse(responseCode = "201", description = "The account is new")
  @ApiResponse(responseCode = "200", description = "The account was updated, or was already as sent (Account-Outcome: unchanged)")
  public ResponseEntity<Account> upsert(@PathVariable String externalId, @RequestBody AccountService.AccountInput body) {
    AccountService.Upserted result = service.upsert(externalId, body);
    return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .location(URI.create("/api/accounts/" + URLEncoder.encode(result.account().externalId(), StandardCharsets.UTF_8)))
        .header("Account-Outcome", result.outcome()).body(result.account());
  }

  @GetMapping("/{externalId}")
  @PreAuthorize(Access.READING_ACCOUNTS)
  public Account account(@PathVariable String externalId) {
    return accounts.findByExternalId(externalId).orElseThrow(() -> new AccountNotFoundException(externalId));
  }

  /**
   * A CSV file (UTF-8, header row; columns external_id, name, status required, domains and owner optional): 200 with every
   * row's result (created, updated, unchanged, or rejected with why). A file that is not valid CSV with known columns is
   * refused with 400 and nothing is imported.
   */
  @PostMapping(path = "/import", consumes = {"text/csv", "application/csv"})
  @PreAuthorize(Access.WRITING_ACCOUNTS)
  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "text/csv",
      schema = @Schema(type = "string", example = "external_id,name,status,domains,owner\\ncrm-0042,Acme GmbH,customer,acme.example,anna")))
  public AccountService.ImportResult importCsv(HttpServletRequest request) throws IOException {
    return service.importCsv(request.getInputStream());
  }

  @ExceptionHandler(AccountNotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(AccountNotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
  }

  /** No account has this external id. */
  static class AccountNotFoundException extends RuntimeException {
    AccountNotFoundException(String externalId) {
      super("No account with external id " + externalId);
    }
  }
}
