package com.leadhandoff.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which webhook URLs the server may call: https (plain http only where configured), no credentials in the URL, and a
 * host whose every address is public, unless loopback or private networks are allowed. Checked when a subscription is
 * made and again before each delivery, since a name may resolve elsewhere later.
 */
@Component
public class WebhookAddresses {

  private final WebhookProperties properties;

  public WebhookAddresses(WebhookProperties properties) {
    this.properties = properties;
  }

  /** Why the server must not call this URL; empty when it may. */
  public Optional<String> refusal(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException | NullPointerException e) {
      return Optional.of("not a URL: '" + url + "'");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!scheme.equals("https") && !(scheme.equals("http") && properties.allowPlainHttp())) {
      return Optional.of(scheme.equals("http") ? "must be https (plain http is allowed only in the demo profile)"
          : "must be an https URL, not '" + url + "'");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return Optional.of("has no host");
    }
    if (uri.getRawUserInfo() != null) {
      return Optional.of("must not carry credentials: the signature authenticates the sender");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      return Optional.of("host " + uri.getHost() + " does not resolve");
    }
    for (InetAddress address : addresses) {
      if (address.isLoopbackAddress() && !properties.allowLoopback()) {
        return Optional.of("host " + uri.getHost() + " is a loopback address (" + address.getHostAddress() + ")");
      }
      if (!address.isLoopbackAddress() && isNotPublic(address) && !properties.allowPrivateNetworks()) {
        return Optional.of("host " + uri.getHost() + " is in a private or reserved network (" + address.getHostAddress() + ")");
      }
    }
    return Optional.empty();
  }

  /** Private (RFC 1918, fc00::/7), link-local, unspecified, multicast, shared (100.64/10) and other reserved ranges. */
  static boolean isNotPublic(InetAddress address) {
    if (address.isSiteLocalAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress() || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
          || (first == 198 && (second == 18 || second == 19)) || first >= 240;
    }
    if (address instanceof Inet6Address) {
      return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7 (an IPv4-mapped address is returned as Inet4Address)
    }
    return false;
  }
}
