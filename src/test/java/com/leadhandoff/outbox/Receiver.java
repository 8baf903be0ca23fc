package com.leadhandoff.outbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP receiver on loopback for the tests (a CRM's webhook endpoint, a Slack or Teams incoming webhook): it keeps
 * every request it gets, answers 200, and can be down (stopped: connections refused) and come back on the same port.
 */
public final class Receiver {

  /** One request as received: path, headers (lower-case names) and body. */
  public record Request(String path, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  private final int port;
  private final List<Request> received = new CopyOnWriteArrayList<>();
  private HttpServer server;

  private Receiver(int port) {
    this.port = port;
  }

  public static Receiver onFreePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return new Receiver(socket.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public synchronized Receiver up() {
    if (server != null) {
      return this;
    }
    try {
      server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    return this;
  }

  /** Down: the port refuses connections until {@link #up()}. */
  public synchronized void down() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  public List<Request> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }
}
