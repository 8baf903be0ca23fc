package com.leadhandoff.capture;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import java.time.OffsetDateTime;
import java.util.List;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** A lead as an integration submits it to {@code POST /api/leads}. */
@Schema(example = LeadSubmission.EXAMPLE)
public record LeadSubmission(
    @NotNull(message = "is required") @Valid Contact contact,
    @Valid Company company,
    @NotBlank(message = "is required") @Size(max = 40) String source,
    @Size(max = 200) String campaign,
    @Valid Utm utm,
    @Size(max = 500) String firstTouchContent,
    boolean consent,
    @Schema(allowableValues = {"within-3-months", "within-12-months", "no-plan"})
    @Pattern(regexp = "within-3-months|within-12-months|no-plan", message = "must be one of within-3-months, within-12-months, no-plan")
    String buyingTimeframe,
    @Schema(allowableValues = {"product-demo", "pricing", "technical-deep-dive"})
    @Pattern(regexp = "product-demo|pricing|technical-deep-dive", message = "must be one of product-demo, pricing, technical-deep-dive")
    String firstMeetingExpectation,
    @Size(max = 100, message = "may hold at most 100 activities") List<@NotNull(message = "must not be empty") @Valid Activity> activities) {

  static final String EXAMPLE = """
      {"contact": {"email": "jane.doe@acme.example", "firstName": "Jane", "title": "VP Engineering"},
       "company": {"name": "Acme", "size": 800, "industry": "software", "country": "DE", "website": "https://www.acme.example"},
       "source": "webinar", "campaign": "2026-q4-webinar", "utm": {"source": "linkedin", "medium": "paid"}, "consent": true,
       "buyingTimeframe": "within-3-months", "firstMeetingExpectation": "product-demo",
       "activities": [{"type": "webinar-attended", "occurredAt": "2026-11-20T15:00:00Z"}]}""";

  /** Something the lead did before it was submitted, e.g. the webinar it attended. */
  @Schema(name = "ActivityInput") // the lead's own Activity is another schema
  public record Activity(
      @NotBlank(message = "is required") @Size(max = 40) String type,
      @PastOrPresent(message = "must not be in the future") @Plausible.Since1990 OffsetDateTime occurredAt,
      @Size(max = 500) String content) {}

  /** The person. */
  @Schema(name = "ContactInput") // the lead's own Contact is another schema
  public record Contact(
      @NotBlank(message = "is required") @Size(max = 254) @Plausible.Email String email,
      @Size(max = 100) String firstName,
      @Size(max = 100) String lastName,
      @Size(max = 150) String title,
      @Size(max = 40) @Pattern(regexp = "[+0-9 ()./-]*", message = "may hold only digits, spaces and + ( ) . / -") String phone) {

    public Contact {
      email = email == null ? null : email.strip(); // forms often send a trailing space
    }
  }

  /** The person's company. */
  @Schema(name = "CompanyInput") // the lead's own Company is another schema
  public record Company(
      @Size(max = 200) String name,
      @Min(value = 1, message = "must be at least 1 employee") @Max(value = 10_000_000, message = "is not a plausible number of employees") Integer size,
      @Size(max = 80) String industry,
      @Plausible.Country String country,
      @Size(max = 253) String website) {}

  /** UTM parameters of the converting visit. */
  @Schema(name = "UtmInput") // the lead's own Utm is another schema
  public record Utm(
      @Size(max = 200) String source,
      @Size(max = 200) String medium,
      @Size(max = 200) String campaign,
      @Size(max = 200) String term,
      @Size(max = 200) String content) {}
}
