package com.leadhandoff.qualification;

import com.leadhandoff.api.ApiProblems.FieldError;
import com.leadhandoff.api.InvalidRequestException;
import com.leadhandoff.security.AllowedGroups;
import com.leadhandoff.security.Groups;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * What-if before deploy: {@code POST /api/decisions/{key}/what-if} with a candidate DMN file (multipart part
 * {@code file}) replays the last {@code lastLeads} captured leads, or those captured in {@code [from, to)}.
 */
@RestController
public class WhatIfController {

  private final WhatIfService whatIf;

  public WhatIfController(WhatIfService whatIf) {
    this.whatIf = whatIf;
  }

  @PostMapping(path = "/api/decisions/{key}/what-if", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @AllowedGroups({Groups.PROCESS_OWNERS, Groups.SALES_MANAGERS, Groups.MARKETING})
  public WhatIfReport whatIf(@PathVariable String key, @RequestPart("file") MultipartFile file,
      @RequestParam(defaultValue = "500") int lastLeads,
      @RequestParam(required = false) OffsetDateTime from, @RequestParam(required = false) OffsetDateTime to) throws IOException {
    if ((from == null) != (to == null) || (from != null && !from.isBefore(to))) {
      throw new InvalidRequestException(List.of(new FieldError("from", "give both from and to, from before to")));
    }
    if (lastLeads < 1 || lastLeads > WhatIfService.MAX_LEADS) {
      throw new InvalidRequestException(List.of(new FieldError("lastLeads", "must be between 1 and " + WhatIfService.MAX_LEADS)));
    }
    try (InputStream candidate = file.getInputStream()) {
      return from != null
          ? whatIf.replayCapturedBetween(key, candidate, from, to)
          : whatIf.replayLatest(key, candidate, lastLeads);
    }
  }

  @ExceptionHandler(WhatIfService.WhatIfException.class)
  ResponseEntity<ProblemDetail> cannotReplay(WhatIfService.WhatIfException e) {
    HttpStatus status = e.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
    return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, e.getMessage()));
  }
}
