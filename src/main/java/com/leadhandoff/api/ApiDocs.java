package com.leadhandoff.api;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The error answers of the OpenAPI description, derived from each operation as the server answers it: every operation
 * may answer 401, 403, 406, 429 and 500; one with parameters or a body 400; one with a path parameter 404 (nothing
 * there); one that changes something 409 (a concurrent change); one with a body 408, 413 and 415. What else an
 * operation answers (201, 202, 204, a 409 or 422 of its own...) its controller declares with {@code @ApiResponse}.
 * Every 4xx and 5xx is a problem detail ({@code application/problem+json}, the {@value #PROBLEM} schema).
 */
@Configuration
public class ApiDocs {

  static final String PROBLEM = "Problem";
  static final String TEXT_CSV = "text/csv";
  static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

  private static final Map<String, String> GENERIC = Map.of(
      "400", "The request is invalid: errors names every bad field; nothing was saved",
      "401", "No credentials, or wrong ones: HTTP Basic with a Camunda user, or an integration key as Authorization: Bearer",
      "403", "The caller may not do this",
      "404", "Nothing at this address (no such resource)",
      "406", "The Accept header allows no format this operation answers in",
      "408", "The body did not arrive in time",
      "409", "Someone changed the same thing at the same moment; nothing was saved, try again",
      "413", "The body is larger than the API accepts",
      "415", "The body is not of a Content-Type this operation reads",
      "429", "Too many failed logins from this address; Retry-After says when to try again");

  @Bean
  GlobalOperationCustomizer errorAnswers() {
    return (operation, handler) -> {
      ApiResponses responses = operation.getResponses();
      boolean body = operation.getRequestBody() != null;
      List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
      boolean changes = !handler.hasMethodAnnotation(GetMapping.class);
      add(responses, "401", "403", "406", "429");
      if (body || !parameters.isEmpty()) {
        add(responses, "400");
      }
      if (parameters.stream().anyMatch(parameter -> "path".equals(parameter.getIn()))) {
        add(responses, "404");
      }
      if (changes) {
        add(responses, "409");
      }
      if (body) {
        add(responses, "408", "413", "415");
      }
      responses.computeIfAbsent("500", code -> new ApiResponse().description("The server failed; nothing was saved. "
          + "The problem's reference finds the details in the server log"));
      responses.forEach((code, response) -> {
        if (code.charAt(0) == '4' || code.charAt(0) == '5') {
          response.setContent(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM))));
        } else if ("204".equals(code)) {
          response.setContent(null); // no body, whatever the handler's return type
        } else if (response.getContent() != null && response.getContent().get(TEXT_CSV) != null) {
          response.getContent().addMediaType(TEXT_CSV, new MediaType().schema(new StringSchema().description("CSV with a header row")));
        }
      });
      return operation;
    };
  }

  /**
   * A map of Object (a report's rows, a rep's answer) holds values of any type, where the generated description
   * would allow objects only ({@code additionalProperties: {type: object}}).
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void anyValues(Schema schema) {
    if (schema == null) {
      return;
    }
    if (schema.getAdditionalProperties() instanceof Schema values) {
      boolean anything = "object".equals(values.getType()) && values.get$ref() == null && values.getProperties() == null
          && values.getAdditionalProperties() == null;
      if (anything) {
        schema.setAdditionalProperties(true);
      } else {
        anyValues(values);
      }
    }
    if (schema.getProperties() != null) {
      ((Map<String, Schema>) schema.getProperties()).values().forEach(ApiDocs::anyValues);
    }
    anyValues(schema.getItems());
  }

  private static void add(ApiResponses responses, String... codes) {
    for (String code : codes) {
      responses.computeIfAbsent(code, c -> new ApiResponse().description(GENERIC.get(c)));
    }
  }

  /** RFC 9457's members, and the API's own: errors (the bad fields), violations (a model the guard refused). */
  @Bean
  GlobalOpenApiCustomizer problemSchema() {
    return api -> {
      // a JsonNode (a decision's outcome) is any JSON value, where the generated description would allow objects only
      api.getComponents().getSchemas().computeIfPresent("JsonNode", (name, schema) -> new Schema<>()
          .description("Any JSON value: an object, a list, text, a number or true/false"));
      api.getComponents().getSchemas().values().forEach(ApiDocs::anyValues);
      api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> operation.getResponses().values().stream()
          .filter(response -> response.getContent() != null)
          .forEach(response -> response.getContent().values().forEach(media -> anyValues(media.getSchema())))));
      Map<String, Schema> properties = new LinkedHashMap<>();
      properties.put("type", new StringSchema().format("uri-reference").description("What kind of problem (about:blank when only the status says)"));
      properties.put("title", new StringSchema().description("The status in words"));
      properties.put("status", new IntegerSchema().description("The HTTP status"));
      properties.put("detail", new StringSchema().description("What went wrong, for people"));
      properties.put("instance", new StringSchema().format("uri-reference"));
      properties.put("errors", new ArraySchema().items(new ObjectSchema().addProperty("field", new StringSchema().example("company.size"))
          .addProperty("message", new StringSchema().example("must be at least 1 employee"))).description("Every bad field of the request"));
      properties.put("reference", new StringSchema().description("A server error's reference in the server log"));
      api.getComponents().addSchemas(PROBLEM, new ObjectSchema().properties(properties).required(List.of("status", "title"))
          .description("An RFC 9457 problem detail").example(Map.of("type", ApiProblems.VALIDATION.toString(), "title", "Invalid request",
              "status", 400, "detail", "1 field(s) are invalid; nothing was saved.",
              "errors", List.of(Map.of("field", "company.size", "message", "must be at least 1 employee")))));
    };
  }
}
