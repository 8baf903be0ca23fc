package com.leadhandoff.privacy;

import com.leadhandoff.security.Access;
import io.swagger.v3.oas.annotations.Operation;
import java.security.Principal;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The GDPR erasure of one lead, for administrators (who handle data subjects' requests). */
@RestController
class PersonalDataController {

  private final PersonalDataEraser eraser;

  PersonalDataController(PersonalDataEraser eraser) {
    this.eraser = eraser;
  }

  @Operation(summary = "Erase a lead's personal data (GDPR); the anonymous lead stays in the reports",
      description = "Idempotent: erasing again answers the same shape with alreadyErased = true.")
  @DeleteMapping("/api/leads/{id}/personal-data")
  @PreAuthorize(Access.ADMINISTRATORS)
  ResponseEntity<?> erase(@PathVariable UUID id, Principal caller) {
    return eraser.erase(id, caller.getName())
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
            .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No lead " + id)));
  }
}
