package dev.lambdaguice.handlers.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A response a route returns for full control of status, headers, cookies and body. Immutable: {@link #header} and
 * {@link #cookie} return a copy with one more value.
 *
 * <pre>{@code
 * return HttpResponse.json(201, confirmation).header("location", "/orders/" + confirmation.orderId());
 * }</pre>
 *
 * A JSON body is written by the injector's {@code Gson}. A body whose content type is text ({@code text/*}, JSON,
 * XML, JavaScript, form data) in UTF-8 is sent as text; any other body is sent base64-encoded with
 * {@code isBase64Encoded: true}, as API Gateway and ALB expect for binary data.
 */
public final class HttpResponse {

  /** {@code application/json}, the content type of JSON bodies and of every error. */
  public static final String JSON = "application/json";

  private final int status;
  private final String contentType;
  private final Object json;
  private final byte[] bytes;
  private final Map<String, List<String>> headers;
  private final List<String> cookies;

  private HttpResponse(int status, String contentType, Object json, byte[] bytes, Map<String, List<String>> headers,
      List<String> cookies) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("an HTTP status is 100 to 599, got " + status);
    }
    this.status = status;
    this.contentType = contentType;
    this.json = json;
    this.bytes = bytes;
    this.headers = headers;
    this.cookies = cookies;
  }

  /** {@code status} with no body, such as {@code 204} or {@code 304}. */
  public static HttpResponse status(int status) {
    return new HttpResponse(status, null, null, null, Map.of(), List.of());
  }

  /** {@code status} with {@code value} as JSON; a null value is the JSON {@code null}. */
  public static HttpResponse json(int status, Object value) {
    return new HttpResponse(status, JSON, value == null ? NullBody.INSTANCE : value, null, Map.of(), List.of());
  }

  /** {@code status} with {@code text} as {@code text/plain; charset=utf-8}. */
  public static HttpResponse text(int status, String text) {
    return bytes(status, text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
  }

  /** {@code status} with {@code body} as {@code contentType} (sent base64 unless the type is text). */
  public static HttpResponse bytes(int status, byte[] body, String contentType) {
    if (contentType == null || contentType.isBlank()) {
      throw new IllegalArgumentException("a body needs a content type");
    }
    return new HttpResponse(status, contentType, null, body.clone(), Map.of(), List.of());
  }

  /**
   * This response with one more value of the header {@code name} (after any it has); {@code content-type}
   * replaces the body's content type. Use {@link #cookie} for {@code set-cookie}.
   */
  public HttpResponse header(String name, String value) {
    if (name == null || name.isBlank() || value == null) {
      throw new IllegalArgumentException("a header needs a name and a value");
    }
    if (name.equalsIgnoreCase("content-type")) {
      return new HttpResponse(status, value, json, bytes, headers, cookies);
    }
    if (name.equalsIgnoreCase("set-cookie")) {
      return cookie(value);
    }
    Map<String, List<String>> more = new LinkedHashMap<>(headers);
    String key = name.toLowerCase(Locale.ROOT);
    List<String> values = new ArrayList<>(more.getOrDefault(key, List.of()));
    values.add(value);
    more.put(key, List.copyOf(values));
    return new HttpResponse(status, contentType, json, bytes, Collections.unmodifiableMap(more), cookies);
  }

  /** This response with one more {@code set-cookie}, like {@code session=abc; Secure; HttpOnly}. */
  public HttpResponse cookie(String setCookie) {
    List<String> more = new ArrayList<>(cookies);
    more.add(setCookie);
    return new HttpResponse(status, contentType, json, bytes, headers, List.copyOf(more));
  }

  /** The status. */
  public int status() {
    return status;
  }

  /** The body's content type, or null when there is no body. */
  public String contentType() {
    return contentType;
  }

  /** The headers other than {@code content-type} and {@code set-cookie}, names in lower case. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The {@code set-cookie} values. */
  public List<String> cookies() {
    return cookies;
  }

  /** Whether there is a body. */
  boolean hasBody() {
    return json != null || bytes != null;
  }

  /** The JSON value to write (null when the body is bytes or absent). */
  Object jsonValue() {
    return json == NullBody.INSTANCE ? null : json;
  }

  boolean isJson() {
    return json != null;
  }

  byte[] bytes() {
    return bytes;
  }

  /** Marks a JSON body whose value is null. */
  private enum NullBody { INSTANCE }

  @Override
  public String toString() {
    return "HttpResponse[" + status + (contentType == null ? "" : ", " + contentType) + "]";
  }
}
