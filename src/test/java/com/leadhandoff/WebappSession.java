package com.leadhandoff;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A browser-like session with the Camunda webapps: cookies, the CSRF token, and the login the login page sends. */
public final class WebappSession {

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
  private final String base;
  private final String engine;

  public WebappSession(int port, String engine, String app) throws IOException, InterruptedException {
    this.base = "http://localhost:" + port;
    this.engine = engine;
    send("GET", "/camunda/app/" + app + "/" + engine + "/", null); // sets the XSRF-TOKEN cookie
  }

  /** Logs in to the app as the login page does; answers the HTTP status. */
  public int login(String app, String user, String password) throws IOException, InterruptedException {
    return send("POST", "/camunda/api/admin/auth/user/" + engine + "/login/" + app, "username=" + user + "&password=" + password)
        .statusCode();
  }

  /** A call to the webapps' engine API, as Tasklist and Cockpit make it. */
  public HttpResponse<String> engineApi(String method, String path) throws IOException, InterruptedException {
    return send(method, "/camunda/api/engine/engine/" + engine + path, null);
  }

  /** A call to the webapps' engine API with a JSON body and the Accept header Tasklist's client sends (HAL first). */
  public HttpResponse<String> engineApi(String method, String path, String json) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/" + engine + path))
        .header("Content-Type", "application/json").header("Accept", "application/hal+json, application/json; q=0.5")
        .method(method, HttpRequest.BodyPublishers.ofString(json));
    cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
        .ifPresent(token -> request.header("X-XSRF-TOKEN", token.getValue()));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The same call as a page on another site could make it: with the session cookie but without the CSRF token. */
  public HttpResponse<String> engineApiWithoutCsrfToken(String method, String path) throws IOException, InterruptedException {
    return send(method, "/camunda/api/engine/engine/" + engine + path, null, false);
  }

  /** A call with the CSRF token and a JSON body, sent by a page of the given origin (the browser's Origin header). */
  public HttpResponse<String> engineApiFrom(String origin, String method, String path, String json) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/" + engine + path))
        .header("Content-Type", "application/json").header("Origin", origin).method(method, HttpRequest.BodyPublishers.ofString(json));
    cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
        .ifPresent(token -> request.header("X-XSRF-TOKEN", token.getValue()));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String path, String form) throws IOException, InterruptedException {
    return send(method, path, form, true);
  }

  private HttpResponse<String> send(String method, String path, String form, boolean withCsrfToken)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    cookies.getCookieStore().getCookies().stream().filter(c -> withCsrfToken && c.getName().equals("XSRF-TOKEN")).findFirst()
        .ifPresent(token -> request.header("X-XSRF-TOKEN", token.getValue()));
    if (form != null) {
      request.header("Content-Type", "application/x-www-form-urlencoded").method(method, HttpRequest.BodyPublishers.ofString(form));
    } else if (method.equals("POST")) {
      request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
