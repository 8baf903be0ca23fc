package com.leadhandoff.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Object variables (a Java or JSON serialized object of a named class) are refused: the product keeps none, and an
 * object of a class a caller chooses is what a deserialization attack sends (a {@code java.net.URL} was stored and
 * read back). Two locks: the engine deserializes nothing but the JDK's plain values and collections
 * ({@code deserializationTypeValidationEnabled}, whatever is already stored), and the REST API and Tasklist's engine API
 * refuse with 400 any request that would store one ({@link Refused}). Java serialization is off as well
 * (application.yaml). Variables are primitives, dates and JSON ({@code "type": "Json"}).
 */
@Component
public class ObjectVariables extends AbstractProcessEnginePlugin {

  /** What the engine may deserialize: plain JDK values and collections, nothing that runs code when it is built. */
  static final Set<String> PLAIN_TYPES = Set.of("java.lang.Object", "java.lang.String", "java.lang.Boolean", "java.lang.Integer",
      "java.lang.Long", "java.lang.Short", "java.lang.Byte", "java.lang.Double", "java.lang.Float", "java.lang.Character",
      "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap", "java.util.HashSet",
      "java.util.LinkedHashSet", "java.util.TreeMap", "java.util.TreeSet");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDeserializationTypeValidationEnabled(true);
    configuration.setDeserializationTypeValidator(type -> type != null && PLAIN_TYPES.contains(type));
  }

  /**
   * 400 for a request that would store an object variable: a variable value whose type is Object, one without a type
   * whose value is a JSON object or array (Camunda would store it as a serialized object), or a binary variable
   * upload with an object type part. Registered on both of Camunda's JAX-RS applications (api.EngineRestErrors); stateless.
   */
  @Component
  public static class Refused implements ContainerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The form part that makes a variable upload (.../variables/{name}/data) an object. */
    private static final Pattern OBJECT_TYPE_PART = Pattern.compile("(?i)content-disposition:\\s*form-data;\\s*name=\"?type\"?\\s*[;\\r\\n]");

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
      MediaType type = request.getMediaType();
      if (!request.hasEntity() || type == null || "GET".equals(request.getMethod())) {
        return;
      }
      boolean json = type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
      boolean upload = type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE) && request.getUriInfo().getPath().endsWith("/data");
      if (!json && !upload) {
        return;
      }
      byte[] body = request.getEntityStream().readAllBytes();
      request.setEntityStream(new ByteArrayInputStream(body));
      String refused = null;
      if (upload) {
        refused = OBJECT_TYPE_PART.matcher(new String(body, StandardCharsets.ISO_8859_1)).find() ? "the upload's 'type' part" : null;
      } else {
        try {
          refused = objectVariable(JSON.readTree(body), null);
        } catch (IOException notJson) {
          return; // Camunda answers what it cannot read
        }
      }
      if (refused != null) {
        request.abortWith(Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "InvalidRequestException", "message", "Object variables are not accepted (" + refused
                + "): send primitives, dates or JSON (\"type\": \"Json\" with the JSON as a string). Nothing was saved."))
            .build());
      }
    }

    /** The name of the first object variable in the request, or null. */
    private static String objectVariable(JsonNode node, String name) {
      if (node.isObject()) {
        JsonNode valueType = node.get("type");
        boolean typed = valueType != null && valueType.isTextual();
        if (typed && valueType.asText().equalsIgnoreCase("object")) {
          return describe(name, node.path("valueInfo").path("objectTypeName").asText(null));
        }
        JsonNode value = node.get("value");
        if (!typed && value != null && value.isContainerNode() && !node.has("operator")) {
          return describe(name, "a JSON " + (value.isArray() ? "array" : "object") + " without a type");
        }
        var fields = node.fields();
        while (fields.hasNext()) {
          var field = fields.next();
          String found = objectVariable(field.getValue(), field.getKey());
          if (found != null) {
            return found;
          }
        }
      } else if (node.isArray()) {
        for (JsonNode item : node) {
          String found = objectVariable(item, name);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    }

    private static String describe(String name, String what) {
      return (name == null ? "the variable" : name) + (what == null ? "" : ": " + what);
    }
  }
}
