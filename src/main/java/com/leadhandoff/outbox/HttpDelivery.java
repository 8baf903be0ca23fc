package com.leadhandoff.outbox;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A message POSTed to a receiver over HTTP (a webhook, a chat channel): a 2xx answer delivers it, anything else is a failure. */
public final class HttpDelivery {

  private HttpDelivery() {}

  /** Sends the request; the answer's status code, or a failure naming the receiver ({@code who}) and what went wrong. */
  public static int post(HttpClient http, HttpRequest request, String who) throws Channel.DeliveryFailure {
    HttpResponse<Void> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new Channel.DeliveryFailure("no answer from " + who + ": " + e, null, false, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Channel.DeliveryFailure("interrupted", null, false, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new Channel.DeliveryFailure(who + " answered " + response.statusCode(), response.statusCode());
    }
    return response.statusCode();
  }
}
