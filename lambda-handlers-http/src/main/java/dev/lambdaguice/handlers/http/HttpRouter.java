package dev.lambdaguice.handlers.http;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The handler bound under an HTTP key: reads the event, finds the route, reads the body, calls the route's handler
 * and writes its answer in the source's shape. Routes are sorted and body readers made once, at init.
 */
final class HttpRouter implements LambdaHandler<JsonObject, JsonObject> {

  private static final Logger log = Logger.getLogger(HttpRouter.class.getName());

  /** A route ready to serve: its body reader made once. */
  private record Compiled(Route route, BodyReader body) {}

  private final String key;
  private final List<Compiled> routes;
  private final Map<Class<?>, Integer> errors;
  private final List<String> basePaths;
  private final EventParser parser;
  private final ResponseEncoder encoder;

  HttpRouter(String key, Collection<Route> routes, Map<Class<?>, Integer> errors, Set<String> basePaths, Gson gson) {
    this.key = key;
    this.routes = routes.stream()
        .sorted((a, b) -> RouteTemplate.bySpecificity(a.template(), b.template()))
        .map(route -> new Compiled(route, new BodyReader(route.bodyType(), gson)))
        .toList();
    this.errors = Map.copyOf(errors);
    this.basePaths = basePaths.stream().sorted(Comparator.comparing(String::length).reversed()).toList();
    this.parser = new EventParser(key);
    this.encoder = new ResponseEncoder(gson);
  }

  @Override
  public JsonObject handle(JsonObject event, LambdaContext context) throws Exception {
    RawRequest raw = parser.parse(event);
    return encoder.encode(answer(raw, context), raw);
  }

  private HttpResponse answer(RawRequest raw, LambdaContext context) throws Exception {
    String path = path(raw);
    List<String> segments = segments(path);
    Compiled hit = null;
    Map<String, String> parameters = null;
    Set<String> allowed = new TreeSet<>();
    for (Compiled route : routes) {
      Map<String, String> match = route.route().template().match(segments);
      if (match == null) {
        continue;
      }
      String method = route.route().template().method();
      if (method.equals(raw.method()) || method.equals("ANY")) {
        hit = route;
        parameters = match;
        break;
      }
      allowed.add(method);
    }
    if (hit == null) {
      return allowed.isEmpty() ? error(404, "No resource at " + path)
          : error(405, "Only " + String.join(", ", allowed) + (allowed.size() == 1 ? " is" : " are")
              + " allowed here").header("allow", String.join(", ", allowed));
    }
    String accept = raw.header("accept");
    if (hit.route().jsonResult() && !MediaTypes.accepts(accept, HttpResponse.JSON)) {
      return notAcceptable(HttpResponse.JSON);
    }
    if (raw.body() == null) {
      return error(400, "The body is marked as base64 but is not valid base64");
    }
    try {
      Object body = hit.body().read(raw);
      @SuppressWarnings("unchecked")
      HttpRoute<Object, Object> handler = (HttpRoute<Object, Object>) hit.route().handler().get();
      Object result = handler.handle(new HttpRequest<>(raw, path, parameters, body), context);
      // An HttpResponse goes as the route made it, whatever the accept header: a 406 after the route ran would
      // tell the caller that work it did (an order placed) was not done.
      return result instanceof HttpResponse r ? r
          : result == null ? HttpResponse.status(204) : HttpResponse.json(200, result);
    } catch (HttpException e) {
      return error(e.status(), e.getMessage());
    } catch (Exception e) {
      Integer status = mapped(e.getClass());
      if (status != null) {
        return error(status, e.getMessage() == null ? StatusLines.of(status) : e.getMessage());
      }
      log.log(Level.SEVERE, "Route " + hit.route().template() + " of handler '" + key + "' threw; answered 500", e);
      return error(500, "Internal Server Error");
    }
  }

  /** The path routes match: without an HTTP API's named stage, and without a configured base path. */
  private String path(RawRequest raw) {
    String path = raw.rawPath().isEmpty() ? "/" : raw.rawPath();
    String stage = raw.stage();
    if (raw.source() == HttpSource.HTTP_API && stage != null && !stage.isEmpty() && !stage.equals("$default")) {
      path = strip(path, "/" + stage);
    }
    for (String basePath : basePaths) {
      String stripped = strip(path, basePath);
      if (stripped != path) {
        return stripped;
      }
    }
    return path;
  }

  /** {@code path} without the leading {@code prefix} segments, or {@code path} itself when it does not start so. */
  private static String strip(String path, String prefix) {
    if (path.equals(prefix)) {
      return "/";
    }
    return path.startsWith(prefix + "/") ? path.substring(prefix.length()) : path;
  }

  /** The path's segments, still percent-encoded; empty segments ({@code //}, a trailing {@code /}) left out. */
  private static List<String> segments(String path) {
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    return segments;
  }

  private Integer mapped(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      Integer status = errors.get(c);
      if (status != null) {
        return status;
      }
    }
    return null;
  }

  private static HttpResponse notAcceptable(String contentType) {
    return error(406, "This resource answers " + MediaTypes.essence(contentType)
        + ", which the request's accept header does not allow");
  }

  private static HttpResponse error(int status, String message) {
    JsonObject body = new JsonObject();
    body.addProperty("message", message);
    return HttpResponse.json(status, body);
  }
}
