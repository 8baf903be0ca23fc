package com.leadhandoff.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadhandoff.LeadHandoffTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 250 clients on loopback that send a lead's body a byte at a time, without logging in, take no thread from anyone:
 * each is answered 401 and closed before its body is read, and the health answers within a second throughout.
 * Bounded: 250 connections, a byte each every 2 s, health checked back to back for 8 s (at most 400 checks).
 */
@LeadHandoffTest
class SlowClientsTest {

  static final int CLIENTS = 250;
  @LocalServerPort int port;

  @Test
  void twoHundredFiftySlowBodiesLeaveTheHealthAnsweringWithinASecond() throws Exception {
    List<Socket> slow = new ArrayList<>();
    ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
    AtomicInteger closedByServer = new AtomicInteger();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(1)).build();
    try {
      for (int i = 0; i < CLIENTS; i++) {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
        socket.getOutputStream().write(("POST /api/leads HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 60000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        slow.add(socket);
      }
      drip.scheduleAtFixedRate(() -> slow.forEach(socket -> {
        try {
          socket.getOutputStream().write(' ');
        } catch (IOException closed) {
          // the server has answered and closed it
        }
      }), 2, 2, TimeUnit.SECONDS);

      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
      List<Long> millis = new ArrayList<>();
      for (int check = 0; check < 400 && System.nanoTime() < until; check++) {
        long start = System.nanoTime();
        HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString()); // times out after 1 s
        millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        assertThat(answer.statusCode()).isEqualTo(200);
      }
      assertThat(millis).as("health answer times (ms)").hasSizeGreaterThan(3).allMatch(ms -> ms < 1_000);

      for (Socket socket : slow) {
        socket.setSoTimeout(5_000);
        String answer = readAll(socket.getInputStream());
        assertThat(answer).startsWith("HTTP/1.1 401");
        closedByServer.incrementAndGet();
      }
      assertThat(closedByServer.get()).isEqualTo(CLIENTS);
      System.out.printf("slow clients: %d answered 401 and closed; %d health checks, slowest %d ms%n", closedByServer.get(), millis.size(),
          millis.stream().mapToLong(Long::longValue).max().orElseThrow());
    } finally {
      drip.shutdownNow();
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  /** What the server sent until it closed the connection. */
  private static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
  }
}
