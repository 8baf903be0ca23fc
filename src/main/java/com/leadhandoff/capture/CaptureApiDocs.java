package com.leadhandoff.capture;

import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description says which sources and activity types the API accepts (those configured,
 * lead-handoff.capture), and that a submission holds no other properties than its own.
 */
@Configuration
class CaptureApiDocs {

  @Bean
  GlobalOpenApiCustomizer configuredChoices(CaptureProperties capture) {
    return api -> {
      var schemas = api.getComponents().getSchemas();
      choices(schemas.get("LeadSubmission"), "source", capture.sources());
      choices(schemas.get("ActivityInput"), "type", capture.activityTypes());
      // the API refuses unknown properties (api.StrictJson): so does the description
      List.of("LeadSubmission", "ActivityInput", "ContactInput", "CompanyInput", "UtmInput")
          .forEach(name -> schemas.get(name).setAdditionalProperties(false));
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void choices(Schema object, String property, List<String> values) {
    if (object != null && object.getProperties() != null && object.getProperties().get(property) instanceof Schema field) {
      field.setEnum(values);
    }
  }
}
