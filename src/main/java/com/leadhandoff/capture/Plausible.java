package com.leadhandoff.capture;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Values a lead may carry only if they can be real: an address mail reaches, a country that exists, a moment since the web began. */
final class Plausible {

  private Plausible() {}

  /**
   * An address mail can be delivered to: a dot-atom local part (letters of any script, digits and the RFC 5322 atom
   * signs; no quotes, spaces or markup) and a domain name with a dot and a top-level part of letters. x@localhost,
   * x@10.0.0.1 or a@b are typing errors or probes, not leads.
   */
  @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = EmailCheck.class)
  @interface Email {
    String message() default "is not an email address";
    Class<?>[] groups() default {};
    Class<? extends Payload>[] payload() default {};
  }

  /** An ISO 3166 alpha-2 code of a country (DE, US, ...), in either case; ZZ or XX are not countries. */
  @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = CountryCheck.class)
  @interface Country {
    String message() default "must be an ISO 3166 two-letter country code such as DE or US";
    Class<?>[] groups() default {};
    Class<? extends Payload>[] payload() default {};
  }

  /** A moment from 1990 on (activities and dates older than the web are typing errors or junk). */
  @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = SinceCheck.class)
  @interface Since1990 {
    String message() default "must not be before 1990-01-01";
    Class<?>[] groups() default {};
    Class<? extends Payload>[] payload() default {};
  }

  static final class EmailCheck implements ConstraintValidator<Email, String> {
    private static final String ATOM = "[\\p{L}\\p{N}!#'$%&*+/=?^_{|}~-]+";
    private static final String LABEL = "[\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?";
    private static final Pattern ADDRESS = Pattern.compile(ATOM + "(\\." + ATOM + ")*@(" + LABEL + "\\.)+\\p{L}{2,63}");

    @Override
    public boolean isValid(String address, ConstraintValidatorContext context) {
      return address == null || address.isBlank() || ADDRESS.matcher(address).matches(); // blank is @NotBlank's to say
    }
  }

  static final class CountryCheck implements ConstraintValidator<Country, String> {
    private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    @Override
    public boolean isValid(String code, ConstraintValidatorContext context) {
      return code == null || COUNTRIES.contains(code.toUpperCase(Locale.ROOT));
    }
  }

  static final class SinceCheck implements ConstraintValidator<Since1990, OffsetDateTime> {
    private static final OffsetDateTime EARLIEST = OffsetDateTime.parse("1990-01-01T00:00:00Z");

    @Override
    public boolean isValid(OffsetDateTime moment, ConstraintValidatorContext context) {
      return moment == null || !moment.isBefore(EARLIEST);
    }
  }
}
