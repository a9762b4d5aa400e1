package dev.lambdaguice.handlers.http;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request, whichever of the four sources sent it. Immutable; maps and lists are never null.
 *
 * <p>{@link #path()} is the path the routes match: the stage and a configured base path removed, segments still
 * percent-encoded as sent; {@link #pathParameters()} are decoded. Query parameters and headers keep every value
 * in order ({@code name=a&name=b}); header names are case-insensitive. An HTTP API (payload 2.0) joins a header
 * sent twice into one value with commas, so there {@link #headers(String)} has one value.
 *
 * @param <B> the body type of the route
 */
public final class HttpRequest<B> {

  private final RawRequest raw;
  private final String path;
  private final Map<String, String> pathParameters;
  private final B body;

  HttpRequest(RawRequest raw, String path, Map<String, String> pathParameters, B body) {
    this.raw = raw;
    this.path = path;
    this.pathParameters = Map.copyOf(pathParameters);
    this.body = body;
  }

  /** The source of the request. */
  public HttpSource source() {
    return raw.source();
  }

  /** The method, upper case, like {@code GET}. */
  public String method() {
    return raw.method();
  }

  /** The path routes match, without stage or base path, like {@code /books/978%2D1}; {@code /} at least. */
  public String path() {
    return path;
  }

  /** The path as the event gave it (with a stage or base path, if any). */
  public String rawPath() {
    return raw.rawPath();
  }

  /** The path parameters of the route's template, percent-decoded: {@code isbn} of {@code /books/{isbn}}. */
  public Map<String, String> pathParameters() {
    return pathParameters;
  }

  /** The path parameter {@code name}, or null when the route's template has none by that name. */
  public String pathParameter(String name) {
    return pathParameters.get(name);
  }

  /** Every query parameter with all its values, in order, decoded. */
  public Map<String, List<String>> queryParameters() {
    return raw.query();
  }

  /** The first value of the query parameter {@code name}, or null. */
  public String queryParameter(String name) {
    List<String> values = raw.query().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Every value of the query parameter {@code name}, in order; empty when there is none. */
  public List<String> queryParameters(String name) {
    return raw.query().getOrDefault(name, List.of());
  }

  /** Every header with all its values; the map's keys are case-insensitive. */
  public Map<String, List<String>> headers() {
    return raw.headers();
  }

  /** The first value of the header {@code name} (any case), or null. */
  public String header(String name) {
    return raw.header(name);
  }

  /** Every value of the header {@code name} (any case), in order; empty when there is none. */
  public List<String> headers(String name) {
    return raw.headers().getOrDefault(name, List.of());
  }

  /** The request's cookies by name (the first of a name sent twice). */
  public Map<String, String> cookies() {
    return raw.cookies();
  }

  /** The cookie {@code name}, or null. */
  public String cookie(String name) {
    return raw.cookies().get(name);
  }

  /** The body as the route's type; null for a {@code Void} route. */
  public B body() {
    return body;
  }

  /** The body's bytes as sent (base64 decoded); empty when there is none. */
  public byte[] bodyBytes() {
    return raw.body().clone();
  }

  /** API Gateway's request id ({@code requestContext.requestId}), or null (ALB has none). */
  public String requestId() {
    return raw.requestId();
  }

  /** The client's IP address as the source saw it, or null (ALB: see {@code x-forwarded-for}). */
  public String sourceIp() {
    return raw.sourceIp();
  }

  /** The API Gateway stage, like {@code prod} or {@code $default}; null for ALB. */
  public String stage() {
    return raw.stage();
  }

  @Override
  public String toString() {
    return raw.source() + " " + raw.method() + " " + path; // never the query, headers or body
  }
}
