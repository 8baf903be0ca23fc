package com.leadhandoff.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The one declaration of what is personal: every field of every form is in it, and a new field nobody declared is named. */
class PersonalDataTest {

  static final ObjectMapper JSON = new ObjectMapper();
  final PersonalData personal = new PersonalData(null);

  static List<Path> forms() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes/forms"))) {
      return files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
    }
  }

  @Test
  void everyFieldOfEveryFormIsDeclaredPersonalOrKept() throws IOException {
    List<String> undeclared = new ArrayList<>();
    for (Path form : forms()) {
      undeclared.addAll(personal.undeclaredFields(form.getFileName().toString(), JSON.readTree(form.toFile())));
    }
    assertThat(forms()).hasSizeGreaterThanOrEqualTo(8);
    assertThat(undeclared).as("form fields nobody declared in %s", PersonalData.FILE).isEmpty();
  }

  @Test
  void aFormThatGainsAFieldNobodyDeclaredIsNamed() throws IOException {
    JsonNode form = JSON.readTree(Path.of("processes/forms/work-opportunity.form").toFile());
    ArrayNode components = (ArrayNode) form.get("components");
    components.addObject().put("type", "textfield").put("key", "callBackNumber").put("label", "Number to call back");
    ObjectNode group = components.addObject().put("type", "group");
    group.putArray("components").addObject().put("type", "textarea").put("key", "giftIdeas");

    assertThat(personal.undeclaredFields("work-opportunity.form", form))
        .containsExactly("work-opportunity.form: callBackNumber (textfield)", "work-opportunity.form: giftIdeas (textarea)");
  }

  @Test
  void freeTextIsPersonalAndWhatTheReportsCountIsKept() {
    for (String freeText : List.of("opportunityNotes", "rejectionComment", "contactNote", "prospectSaid", "email", "facts")) {
      assertThat(personal.kept(freeText)).as(freeText).isFalse();
      assertThat(personal.declared(freeText)).as(freeText).isTrue();
    }
    assertThat(personal.kept("source")).isTrue();
    assertThat(personal.kept("campaign")).isTrue();
    assertThat(personal.kept("somethingNobodyDeclared")).as("what nobody declared is erased").isFalse();
    assertThat(personal.personalLeadColumns()).contains("email", "first_name", "last_name", "company_name", "first_touch_content")
        .doesNotContain("source", "campaign", "industry");
  }

  @Test
  void aLineThatIsNotANameAClassAndAWhyIsRefused() {
    assertThatThrownBy(() -> PersonalData.parse("email personal\n")).hasMessageContaining("line 1");
    assertThatThrownBy(() -> PersonalData.parse("email secret the address\n")).hasMessageContaining("personal|kept");
    assertThatThrownBy(() -> PersonalData.parse("email personal a\n# note\nemail kept b\n")).hasMessageContaining("line 3: email is declared twice");
    assertThat(PersonalData.parse("# a comment\n\nemail personal the address\nsource kept reports\n"))
        .containsEntry("email", true).containsEntry("source", false).hasSize(2);
  }
}
