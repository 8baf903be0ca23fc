package com.leadhandoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** A plain HTTP client for the tests, so requests look exactly like an integrator's curl. */
public final class ApiClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public ApiClient(int port) {
    this.base = "http://localhost:" + port;
  }

  /** A response: status, headers and body (parsed as JSON when it is JSON). */
  public record Response(int status, HttpResponse<String> raw) {
    public JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new UncheckedIOException("Not JSON: " + raw.body(), e);
      }
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  public Response get(String path, String user, String password) {
    return send(request(path, user, password).GET());
  }

  public Response post(String path, String user, String password, String json) {
    return send(request(path, user, password).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  /** Any method with a JSON body and extra headers. */
  public Response send(String method, String path, String user, String password, String json, Map<String, String> headers) {
    HttpRequest.Builder builder = request(path, user, password).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    headers.forEach(builder::setHeader);
    return send(builder);
  }

  /** A request with an integration key ({@code Authorization: Bearer}), a JSON body (null: none) and extra headers. */
  public Response withKey(String method, String path, String key, String json, Map<String, String> headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key)
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
    headers.forEach(builder::setHeader);
    return send(builder);
  }

  /** Any request as given: the Authorization header's value (null: none), the headers, a body (null: none). */
  public Response exchange(String method, String path, String authorization, Map<String, String> headers, String body) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    headers.forEach(builder::setHeader);
    return send(builder);
  }

  /** The Authorization header's value for HTTP Basic. */
  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A GET with HTTP Basic (user null: none) and extra headers, e.g. X-Forwarded-For as a reverse proxy sends it. */
  public Response get(String path, String user, String password, Map<String, String> headers) {
    HttpRequest.Builder builder = request(path, user, password).GET();
    headers.forEach(builder::setHeader);
    return send(builder);
  }

  /** A multipart/form-data POST: text fields plus one file part, as Camunda Modeler and curl -F send them. */
  public Response postMultipart(String path, String user, String password, Map<String, String> fields,
      String fileField, String fileName, byte[] file) {
    return postMultipart(path, user, password, fields, Map.of(fileName, file), name -> fileField);
  }

  /** The same with several files, each its own part named after the file, as Modeler deploys a process with its forms. */
  public Response postMultipart(String path, String user, String password, Map<String, String> fields, Map<String, byte[]> files) {
    return postMultipart(path, user, password, fields, files, name -> name);
  }

  private Response postMultipart(String path, String user, String password, Map<String, String> fields, Map<String, byte[]> files,
      java.util.function.UnaryOperator<String> partName) {
    String boundary = "lead-handoff-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
        + "\"\r\n\r\n" + value + "\r\n"));
    files.forEach((fileName, file) -> {
      write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + partName.apply(fileName) + "\"; filename=\""
          + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
      body.writeBytes(file);
      write(body, "\r\n");
    });
    write(body, "--" + boundary + "--\r\n");
    return send(request(path, user, password).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(String path, String user, String password) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    if (user != null) {
      builder.header("Authorization", basic(user, password));
    }
    return builder;
  }

  private Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
