package com.leadhandoff.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestUsers;
import com.leadhandoff.lead.LeadRepository;
import com.leadhandoff.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The capture API reads a lead as a strict public API should: what it cannot store exactly as sent is refused
 * with a 400 problem that names the field, and no lead is written. {@code EMAIL} stands for a fresh address.
 */
@LeadHandoffTest
class StrictLeadInputTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired LeadRepository leads;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    TestUsers.ensure(identity, "strict-crm", Groups.INTEGRATION);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      a key given twice, the last would win | {"contact": {"email": "EMAIL", "email": "other@acme.example"}, "source": "webinar"}           | contact.email      | is given twice
      trailing garbage after the document   | {"contact": {"email": "EMAIL"}, "source": "webinar"} {"more": 1}                             | body               | has content after the end of the JSON document
      a fraction for a whole number         | {"contact": {"email": "EMAIL"}, "source": "webinar", "company": {"size": 1.5}}                | company.size       | must be a whole number
      text for a number                     | {"contact": {"email": "EMAIL"}, "source": "webinar", "company": {"size": "big"}}              | company.size       | must be a whole number
      an unknown property                   | {"contact": {"email": "EMAIL", "fax": "123"}, "source": "webinar"}                            | contact.fax        | is not a property of this request (known: email, firstName, lastName, phone, title)
      an unknown top-level property         | {"contact": {"email": "EMAIL"}, "source": "webinar", "score": 99}                             | score              | is not a property
      NUL in a name                         | {"contact": {"email": "EMAIL", "firstName": "Ann\\u0000a"}, "source": "webinar"}              | contact.firstName  | must not contain control characters
      NUL in an activity's content          | {"contact": {"email": "EMAIL"}, "source": "webinar", "activities": [{"type": "webinar", "content": "x\\u0000"}]} | activities[0].content | must not contain control characters
      a bell character in a title           | {"contact": {"email": "EMAIL", "title": "CTO\\u0007"}, "source": "webinar"}                   | contact.title      | must not contain control characters
      a list for an object                  | {"contact": [], "source": "webinar"}                                                           | contact            | must be an object
      a number for a date                   | {"contact": {"email": "EMAIL"}, "source": "webinar", "activities": [{"type": "webinar", "occurredAt": true}]} | activities[0].occurredAt | must be a date and time
      """)
  void refusedWithTheFieldNamed(String what, String body, String field, String message) {
    long before = leads.count();
    ApiClient.Response response = api.post("/api/leads", "strict-crm", TestUsers.PASSWORD,
        body.replace("EMAIL", LeadApiTest.unique("strict")));

    assertThat(response.status()).as(what).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    JsonNode error = response.json().get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo(field);
    assertThat(error.get("message").asText()).startsWith(message);
    assertThat(leads.count()).as("no lead written").isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      line breaks and tabs in free text stay | {"contact": {"email": "EMAIL"}, "source": "webinar", "activities": [{"type": "webinar-attended", "content": "asked:\\n\\tpricing"}]}
      a whole number written as such         | {"contact": {"email": "EMAIL"}, "source": "webinar", "company": {"size": 800}}
      """)
  void acceptedAsSent(String what, String body) {
    ApiClient.Response response = api.post("/api/leads", "strict-crm", TestUsers.PASSWORD, body.replace("EMAIL", LeadApiTest.unique("strict")));
    assertThat(response.status()).as("%s: %s", what, response.raw().body()).isEqualTo(201);
  }
}
