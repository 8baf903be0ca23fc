package com.leadhandoff.integrations;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.leadhandoff.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators create, list, rotate and revoke the integrations' keys. */
@RestController
@RequestMapping("/api/integration-keys")
@PreAuthorize(Access.ADMINISTRATORS)
class IntegrationKeysController {

  private final IntegrationKeys keys;

  IntegrationKeysController(IntegrationKeys keys) {
    this.keys = keys;
  }

  record NewKey(String integration, List<String> scopes) {}

  @Operation(summary = "Create an integration's key (shown in this answer only)")
  @PostMapping
  @ApiResponse(responseCode = "201", description = "The key was created; the answer is the only place it is shown")
  @ApiResponse(responseCode = "409", description = "The integration has a key already: rotate or revoke it")
  ResponseEntity<IntegrationKey.Issued> create(@RequestBody NewKey body, Principal caller) {
    IntegrationKey.Issued issued = keys.create(body.integration(), body.scopes(), caller.getName());
    return ResponseEntity.created(URI.create("/api/integration-keys/" + issued.integration())).body(issued);
  }

  @Operation(summary = "Every integration's key: scopes, its first characters, when created, rotated and revoked")
  @GetMapping
  List<IntegrationKey> all() {
    return keys.all();
  }

  @Operation(summary = "A new key for the integration (shown in this answer only); the old key stops working at once")
  @PostMapping("/{integration}/rotation")
  @ApiResponse(responseCode = "200", description = "The new key; the answer is the only place it is shown",
      content = @io.swagger.v3.oas.annotations.media.Content(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = IntegrationKey.Issued.class)))
  ResponseEntity<?> rotate(@PathVariable String integration) {
    return keys.rotate(integration).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> noKey(integration));
  }

  @Operation(summary = "Revoke the integration's key: it is refused from now on")
  @DeleteMapping("/{integration}")
  @ApiResponse(responseCode = "204", description = "The key is revoked")
  ResponseEntity<?> revoke(@PathVariable String integration, Principal caller) {
    return keys.revoke(integration, caller.getName()) ? ResponseEntity.noContent().build() : noKey(integration);
  }

  @ExceptionHandler(IntegrationKeys.KeyExistsException.class)
  ResponseEntity<ProblemDetail> exists(IntegrationKeys.KeyExistsException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()));
  }

  private static ResponseEntity<ProblemDetail> noKey(String integration) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "Integration " + integration + " has no active key"));
  }
}
