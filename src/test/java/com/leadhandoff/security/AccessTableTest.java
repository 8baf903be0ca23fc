package com.leadhandoff.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.ApiClient;
import com.leadhandoff.LeadHandoffTest;
import com.leadhandoff.TestLeads;
import com.leadhandoff.TestUsers;
import com.leadhandoff.capture.LeadCaptureService;
import com.leadhandoff.lead.Lead;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The access table (src/test/resources/access-table.txt): every demo role against every /api endpoint and the
 * /engine-rest calls of Tasklist, Cockpit and Camunda Modeler, each request sent over HTTP with the role's credential,
 * each answer's status compared with the table's. Every mismatch is listed at once.
 */
@LeadHandoffTest
class AccessTableTest {

  /** The demo roles, each a user of its own in the demo's groups. */
  enum Role {
    REP("rep", "at-emea", "sales-emea"),
    OTHER_REP("other-rep", "at-amer", "sales-americas"),
    MANAGER("manager", "at-manager", Groups.SALES_MANAGERS),
    MARKETING("marketing", "at-marketing", Groups.MARKETING),
    OWNER("owner", "at-owner", Groups.PROCESS_OWNERS),
    ADMIN("admin", "at-admin", Groups.ADMINS),
    WEBFORM("webform", "at-webform", Groups.INTEGRATION);

    final String name;
    final String user;
    final String group;

    Role(String name, String user, String group) {
      this.name = name;
      this.user = user;
      this.group = group;
    }
  }

  /** A rep of the task's team to hand it to. */
  static final String TEAMMATE = "at-emea-2";
  static final Path TABLE = Path.of("src", "test", "resources", "access-table.txt");
  static final Pattern ROW = Pattern.compile("(.+?)\\|\\s*(GET|POST|PUT|DELETE)\\s+(\\S+)(?:\\s+\\[([a-z-]+)])?\\s*\\|\\s*(\\d{3})\\s*");
  static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

  /** The request bodies the table names: JSON unless a content type is given. */
  static final Map<String, Body> BODIES = new HashMap<>();

  record Body(String contentType, String text) {}

  static {
    json("lead", """
        {"contact": {"email": "{email}", "title": "VP Sales"}, "company": {"name": "Access", "size": 800, "industry": "software",
         "country": "DE"}, "source": "webinar"}""");
    BODIES.put("leads-csv", new Body("text/csv", "email,source\n{email},webinar\n"));
    json("activity", "{\"type\": \"demo-request\"}");
    json("account", "{\"name\": \"Access {uuid}\", \"status\": \"target\"}");
    BODIES.put("accounts-csv", new Body("text/csv", "external_id,name,status\nat-{uuid},Access {uuid},target\n"));
    BODIES.put("what-if", new Body("multipart/form-data; boundary=access", multipart("file", "mql-definition.dmn", "application/xml",
        read(Path.of("decisions", "mql-definition.dmn")))));
    BODIES.put("form-deployment", new Body("multipart/form-data; boundary=access", "--access\r\nContent-Disposition: form-data; "
        + "name=\"deployment-name\"\r\n\r\naccess-table\r\n" + multipart("data", "access-{uuid}.form", "application/json",
        "{\"id\": \"access-{uuid}\", \"type\": \"default\", \"components\": []}")));
    json("empty", "{}");
    json("new-key", "{\"integration\": \"at-{uuid}\", \"scopes\": [\"capture\"]}");
    json("comment", "{\"message\": \"Called, voicemail\"}");
    json("team", "{\"value\": \"sales-americas\", \"type\": \"String\"}");
    json("breaches", "{\"value\": 5, \"type\": \"Integer\"}");
    json("email", "{\"value\": \"someone@else.example\", \"type\": \"String\"}");
    json("team-modification", "{\"modifications\": {\"team\": {\"value\": \"sales-americas\", \"type\": \"String\"}}}");
    json("url-object", LeadDataPermissionsTest.URL_OBJECT);
    json("accept", "{\"variables\": {\"decision\": {\"value\": \"accept\"}}}");
    json("accept-and-team", "{\"variables\": {\"decision\": {\"value\": \"accept\"}, \"team\": {\"value\": \"sales-americas\"}}}");
    json("claim-self", "{\"userId\": \"{self}\"}");
    json("claim-for-teammate", "{\"userId\": \"" + TEAMMATE + "\"}");
    json("assign-teammate", "{\"userId\": \"" + TEAMMATE + "\"}");
    json("assign-other-team-rep", "{\"userId\": \"" + Role.OTHER_REP.user + "\"}");
    json("assign-admin", "{\"userId\": \"" + Role.ADMIN.user + "\"}");
    json("candidate-group", "{\"groupId\": \"sales-americas\", \"type\": \"candidate\"}");
  }

  private static void json(String name, String json) {
    BODIES.put(name, new Body("application/json", json));
  }

  private static String multipart(String field, String fileName, String type, String content) {
    return "--access\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + type
        + "\r\n\r\n" + content + "\r\n--access--\r\n";
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The credential each role sends: one method, so that a change of how a role logs in (an integration's API key)
   * changes here only.
   */
  Map<String, String> credentials(Role role) {
    if (role == Role.WEBFORM) { // an integration key with the demo web form's scope
      if (webformKey == null) {
        webformKey = keys.create("access-" + UUID.randomUUID().toString().substring(0, 8), List.of(Access.CAPTURE_SCOPE), "test").key();
      }
      return Map.of("Authorization", "Bearer " + webformKey);
    }
    String basic = Base64.getEncoder().encodeToString((role.user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
    return Map.of("Authorization", "Basic " + basic);
  }

  @Autowired com.leadhandoff.integrations.IntegrationKeys keys;
  static String webformKey;
  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired LeadCaptureService capture;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
  ApiClient api;
  /** What a reading request's placeholders stand for (created once); a changing request gets a lead of its own. */
  Map<String, String> shared;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    for (Role role : Role.values()) {
      TestUsers.ensure(identity, role.user, role.group);
    }
    TestUsers.ensure(identity, TEAMMATE, "sales-emea");
    shared = new HashMap<>(freshLead());
    shared.put("account", "at-shared");
    send(Role.ADMIN, "PUT", "/api/accounts/at-shared", "account");
    ApiClient.Response imported = send(Role.WEBFORM, "POST", "/api/leads/import", "leads-csv");
    assertThat(imported.status()).as(imported.raw().body()).isEqualTo(202);
    String location = imported.header("Location");
    shared.put("import", location.substring(location.lastIndexOf('/') + 1));
  }

  /** A Sales EMEA lead whose accept task is the rep's, and one whose accept task waits in the team queue. */
  private Map<String, String> freshLead() {
    Lead lead = lead();
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(lead.id().toString()).singleResult();
    tasks.setAssignee(task.getId(), Role.REP.user);
    Task queued = tasks.createTaskQuery().processInstanceBusinessKey(lead().id().toString()).singleResult();
    tasks.setAssignee(queued.getId(), null);
    return Map.of("lead", lead.id().toString(), "task", task.getId(), "instance", task.getProcessInstanceId(), "queuedTask", queued.getId());
  }

  private Lead lead() {
    return TestLeads.gradeAAtOwnCompany(capture, "access-" + UUID.randomUUID(), "webinar", null, "demo-request");
  }

  record Row(int line, Set<Role> roles, String method, String path, String body, int status) {
    String endpoint() {
      return method + " " + path + (body == null ? "" : " [" + body + "]");
    }
  }

  static List<Row> table() throws IOException {
    List<Row> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(TABLE);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher row = ROW.matcher(line);
      assertThat(row.matches()).as("line %d is a row: %s", i + 1, line).isTrue();
      Set<Role> roles = EnumSet.noneOf(Role.class);
      for (String name : row.group(1).split(",")) {
        String role = name.strip();
        if (role.equals("all")) {
          roles.addAll(EnumSet.allOf(Role.class));
        } else {
          roles.add(EnumSet.allOf(Role.class).stream().filter(r -> r.name.equals(role)).findFirst()
              .orElseThrow(() -> new AssertionError("line " + line + ": no role " + role)));
        }
      }
      if (row.group(4) != null) {
        assertThat(BODIES).as("line %d names a body", line).containsKey(row.group(4));
      }
      rows.add(new Row(i + 1, roles, row.group(2), row.group(3), row.group(4), Integer.parseInt(row.group(5))));
    }
    return rows;
  }

  @Test
  void everyRoleGetsWhatTheTableSays() throws IOException {
    List<String> mismatches = new ArrayList<>();
    int requests = 0;
    for (Row row : table()) {
      for (Role role : row.roles()) {
        boolean changes = !row.method().equals("GET");
        Map<String, String> values = new HashMap<>(changes && PLACEHOLDER.matcher(row.path()).find()
            && !row.path().contains("{account}") && !row.path().contains("{import}") ? freshLead() : shared);
        if (changes) {
          values.put("account", "at-" + UUID.randomUUID());
        }
        if (row.path().contains("{integration}")) {
          String integration = "at-" + UUID.randomUUID().toString().substring(0, 8);
          keys.create(integration, List.of(Access.CAPTURE_SCOPE), "test");
          values.put("integration", integration);
        }
        values.put("self", role.user);
        ApiClient.Response response = send(role, row.method(), fill(row.path(), values), row.body(), values);
        requests++;
        if (response.status() != row.status()) {
          mismatches.add("line " + row.line() + ": " + role.name + " | " + row.endpoint() + " | expected " + row.status() + ", got "
              + response.status() + ": " + abbreviate(response.raw().body()));
        }
      }
    }
    assertThat(mismatches).as("of %d requests", requests).isEmpty();
  }

  @Test
  void everyEndpointOfTheTableHasARowForEveryRoleAndEveryApiEndpointIsInIt() throws IOException {
    Map<String, Set<Role>> covered = new LinkedHashMap<>();
    for (Row row : table()) {
      Set<Role> roles = covered.computeIfAbsent(row.endpoint(), e -> EnumSet.noneOf(Role.class));
      for (Role role : row.roles()) {
        assertThat(roles.add(role)).as("%s has one row for %s (line %d)", row.endpoint(), role.name, row.line()).isTrue();
      }
    }
    covered.forEach((endpoint, roles) -> assertThat(roles).as(endpoint).containsExactlyInAnyOrder(Role.values()));

    // each /api mapping ("GET /api/teams/{team}") matches a row's request, placeholders and ids alike
    List<String> inTable = covered.keySet().stream().map(endpoint -> endpoint.replaceAll("\\[.*]", "").replaceAll("\\?.*", "").strip())
        .toList();
    Set<String> missing = new TreeSet<>();
    mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream().filter(p -> p.startsWith("/api/"))
        .forEach(pattern -> info.getMethodsCondition().getMethods().forEach(method -> {
          Pattern request = Pattern.compile(Pattern.quote(method.name() + " " + pattern).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
          if (inTable.stream().noneMatch(row -> request.matcher(row).matches())) {
            missing.add(method.name() + " " + pattern);
          }
        })));
    assertThat(missing).as("/api endpoints without rows").isEmpty();
  }

  private ApiClient.Response send(Role role, String method, String path, String body) {
    return send(role, method, path, body, new HashMap<>(Map.of("self", role.user)));
  }

  private ApiClient.Response send(Role role, String method, String path, String bodyName, Map<String, String> values) {
    Map<String, String> headers = new HashMap<>(credentials(role));
    Body body = bodyName == null ? new Body("application/json", "") : BODIES.get(bodyName);
    headers.put("Content-Type", body.contentType());
    values.putIfAbsent("uuid", UUID.randomUUID().toString().substring(0, 8));
    values.put("email", "access-" + UUID.randomUUID() + "@access-" + values.get("uuid") + ".example");
    // a body's braces are JSON or a model's: only the placeholders the test knows are filled
    String text = PLACEHOLDER.matcher(body.text()).replaceAll(match -> Matcher.quoteReplacement(values.getOrDefault(match.group(1),
        match.group())));
    return api.send(method, path, null, null, text, headers);
  }

  private static String fill(String path, Map<String, String> values) {
    Function<String, String> value = name -> {
      String filled = values.get(name);
      if (filled == null) {
        throw new AssertionError("no value for {" + name + "} in " + path);
      }
      return filled;
    };
    return PLACEHOLDER.matcher(path).replaceAll(match -> Matcher.quoteReplacement(value.apply(match.group(1))));
  }

  private static String abbreviate(String body) {
    return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "..." : body;
  }
}
