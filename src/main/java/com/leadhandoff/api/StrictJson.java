package com.leadhandoff.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the API reads JSON: strictly (application.yaml turns on Jackson's refusal of unknown properties, duplicate keys,
 * trailing content, fractions for whole numbers; here text for numbers and yes/no), text without control characters (NUL and the like cannot be stored
 * and have no place in a lead; tab and line breaks stay), and each refusal explained as the field it is about.
 */
@Configuration
public class StrictJson {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer plainTextOnly() {
    return builder -> builder.modulesToInstall(new SimpleModule("plain-text").addDeserializer(String.class, new PlainText()));
  }

  /** A number is a JSON number and true is true: "12" or true for a whole number, "true" for a yes/no are refused. */
  @Bean
  Jackson2ObjectMapperBuilderCustomizer scalarsAsTheyAre() {
    return builder -> builder.postConfigurer(mapper -> {
      mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
      mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    });
  }

  /** The field a body's JSON problem is about and what is wrong with it, if the problem is one of the body's content. */
  static Optional<ApiProblems.FieldError> fieldError(Throwable e) {
    // parser errors come first: the data binder wraps them with the path of the object around them
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof StreamReadException read) { // not JSON at all, unless the only fault is a key given twice
        if (!read.getOriginalMessage().startsWith("Duplicate field") || read.getProcessor() == null) {
          return Optional.empty();
        }
        String pointer = read.getProcessor().getParsingContext().pathAsPointer().toString(); // e.g. /contact/email
        return Optional.of(new ApiProblems.FieldError(pointer.substring(1).replace('/', '.'), "is given twice"));
      }
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonMappingException mapping) {
        return Optional.of(new ApiProblems.FieldError(field(mapping), message(mapping)));
      }
    }
    return Optional.empty();
  }

  /** "company.size", "activities[0].content"; "body" for the document as a whole. */
  private static String field(JsonMappingException e) {
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        field.append('[').append(reference.getIndex()).append(']');
      }
    }
    return field.isEmpty() ? "body" : field.toString();
  }

  private static String message(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "is not a property of this request (known: " + unknown.getKnownPropertyIds().stream().map(String::valueOf)
          .sorted().collect(Collectors.joining(", ")) + ")";
    }
    if (e instanceof ControlCharacter) {
      return e.getOriginalMessage();
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      if (e.getPath().isEmpty() && e.getOriginalMessage().startsWith("Trailing token")) {
        return "has content after the end of the JSON document";
      }
      return expected(mismatch.getTargetType());
    }
    return "is not valid JSON for this field";
  }

  /** What a value of the type must be, in words. */
  static String expected(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "must be a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "must be a date and time with its offset, such as 2026-12-01T09:30:00Z";
    }
    if (type == String.class) {
      return "must be text";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "must be a list";
    }
    return "must be an object";
  }

  /** Text as Jackson reads it, refused when it holds a control character other than tab, line feed and carriage return. */
  static final class PlainText extends StdScalarDeserializer<String> {

    PlainText() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = StringDeserializer.instance.deserialize(parser, context);
      if (text != null && text.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)) {
        throw new ControlCharacter(parser);
      }
      return text;
    }
  }

  static final class ControlCharacter extends JsonMappingException {
    ControlCharacter(JsonParser parser) {
      super(parser, "must not contain control characters (such as NUL)");
    }
  }
}
