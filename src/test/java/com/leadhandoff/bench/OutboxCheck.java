package com.leadhandoff.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outbox half of the cluster crash test: a webhook receiver in the bench's JVM (loopback, answering each request
 * after a few milliseconds, so that deliveries are in flight when a node dies), subscribed to every event, and the
 * checks at the end: every message the outbox holds was delivered, each received under its id, none lost; an event
 * written once (no message twice under two ids); repeats of an id (a node killed after sending, before recording) are
 * counted, as a receiver drops them; per lead, the events arrived in the order they were written.
 */
final class OutboxCheck {

  private final HttpServer server;
  private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>(); // webhook-ids in order of arrival
  private final Map<String, Integer> firstArrival = new ConcurrentHashMap<>();
  private final AtomicInteger arrivals = new AtomicInteger();
  private Map<String, String> leasedAtKill = Map.of();

  private OutboxCheck(HttpServer server) {
    this.server = server;
  }

  static OutboxCheck start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    OutboxCheck check = new OutboxCheck(server);
    server.createContext("/crm", exchange -> {
      exchange.getRequestBody().readAllBytes();
      String id = exchange.getRequestHeaders().getFirst("webhook-id");
      try {
        Thread.sleep(20); // a CRM takes a moment: deliveries are in flight when node 2 dies
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      check.received.add(id);
      check.firstArrival.putIfAbsent(id, check.arrivals.incrementAndGet());
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.start();
    return check;
  }

  /** The node options the outbox half needs: webhooks to loopback over http, and a short lease (a dead node's messages return soon). */
  static List<String> nodeArgs() {
    return List.of("--lead-handoff.webhooks.allow-plain-http=true", "--lead-handoff.webhooks.allow-loopback=true",
        "--lead-handoff.outbox.lease=PT20S");
  }

  void subscribe(ClusterCrashBench.Node node) throws Exception {
    String body = """
        {"url": "http://127.0.0.1:%d/crm", "description": "cluster crash test",
         "eventTypes": ["lead.captured", "lead.mql", "lead.assigned", "lead.accepted", "lead.rejected", "lead.contacted", "lead.sql",
           "lead.won", "lead.lost", "lead.recycled", "lead.disqualified", "lead.erased", "sla.warning", "sla.breached"]}"""
        .formatted(server.getAddress().getPort());
    HttpResponse<String> response = ClusterCrashBench.HTTP.send(HttpRequest.newBuilder(URI.create(node.url("/api/webhooks")))
        .header("Authorization", ClusterCrashBench.basic()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("subscribing the receiver: " + response.statusCode() + " " + response.body());
    }
  }

  /** Right before the kill: the messages a node holds a lease on (id -> lease owner). */
  void beforeKill(String database) throws SQLException {
    leasedAtKill = strings(database, "select cast(id as varchar), lease_owner from outbox_messages where lease_until > now()");
  }

  /** Waits until no webhook is pending any more (at most the given time). */
  void awaitDrained(String database, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline && BenchDatabase.count(database, "select count(*) from outbox_messages where status = 'PENDING'") > 0) {
      Thread.sleep(1000);
    }
  }

  /** The checks (failures named in the list) and the rows of the printed table. */
  List<String[]> check(String database, List<String> failures) throws SQLException {
    Map<String, String> messages = strings(database, "select cast(id as varchar), status from outbox_messages where channel = 'webhook'");
    long sent = messages.values().stream().filter("SENT"::equals).count();
    long notReceived = messages.keySet().stream().filter(id -> !firstArrival.containsKey(id)).count();
    long unknownReceived = firstArrival.keySet().stream().filter(id -> !messages.containsKey(id)).count();
    long repeats = received.size() - firstArrival.size();
    // what should have been written: one event per stage that is a webhook event, one per assignment to a rep
    long expected = BenchDatabase.count(database, "select count(*) from lead_stage_events where stage in ('CAPTURED', 'MQL', 'ACCEPTED', "
        + "'REJECTED', 'CONTACTED', 'SQL', 'WON', 'LOST', 'RECYCLED', 'DISQUALIFIED', 'SLA_WARNING', 'SLA_BREACHED')")
        + BenchDatabase.count(database, "select count(*) from routing_ledger where assignee is not null");
    long outOfOrder = outOfOrder(database);
    long leasedThenSent = leasedAtKill.keySet().stream().filter(id -> "SENT".equals(messages.get(id))).count();
    check(failures, sent == messages.size(), "every webhook message delivered (" + sent + " of " + messages.size() + ")");
    check(failures, notReceived == 0 && unknownReceived == 0, "the receiver got every message id, and no other");
    check(failures, messages.size() == expected, "each event written once (" + messages.size() + " messages for " + expected + " events)");
    check(failures, outOfOrder == 0, "per lead, events arrived in the order they were written");
    check(failures, leasedThenSent == leasedAtKill.size(), "every message leased when node 2 died was delivered");
    return List.of(new String[] {"webhook messages written / events", messages.size() + " / " + expected},
        new String[] {"...delivered (distinct ids received)", sent + " (" + firstArrival.size() + ")"},
        new String[] {"...leased (in delivery) when node 2 died", String.valueOf(leasedAtKill.size())},
        new String[] {"repeats of an id received (dropped by id)", String.valueOf(repeats)},
        new String[] {"leads whose events arrived out of order", String.valueOf(outOfOrder)});
  }

  /** Leads with a message that first arrived before a message written earlier for the same lead. */
  private long outOfOrder(String database) throws SQLException {
    Map<String, List<String>> byLead = new HashMap<>();
    try (Connection c = BenchDatabase.connect(database); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select cast(lead_id as varchar), cast(id as varchar) from outbox_messages where channel = 'webhook' order by seq")) {
      while (rs.next()) {
        byLead.computeIfAbsent(rs.getString(1), lead -> new ArrayList<>()).add(rs.getString(2));
      }
    }
    return byLead.values().stream().filter(ids -> {
      int last = 0;
      for (String id : ids) {
        int arrival = firstArrival.getOrDefault(id, Integer.MAX_VALUE);
        if (arrival < last) {
          return true;
        }
        last = arrival;
      }
      return false;
    }).count();
  }

  void stop() {
    server.stop(0);
  }

  private static Map<String, String> strings(String database, String sql) throws SQLException {
    Map<String, String> rows = new HashMap<>();
    try (Connection c = BenchDatabase.connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.put(rs.getString(1), rs.getString(2));
      }
    }
    return rows;
  }

  private static void check(List<String> failures, boolean ok, String what) {
    System.out.println((ok ? "ok      " : "FAILED  ") + what);
    if (!ok) {
      failures.add(what);
    }
  }
}
