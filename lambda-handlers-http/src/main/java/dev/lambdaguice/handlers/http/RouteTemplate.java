package dev.lambdaguice.handlers.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A route as bound, {@code GET /books/{isbn}}: a method (or {@code ANY}) and a path template of literal segments,
 * {@code {name}} parameters (one segment each) and, last, an optional greedy {@code {name+}} (one segment or more).
 * Parsed once, at binding.
 *
 * @param method the method, upper case, or {@code ANY}
 * @param template the path template as bound
 * @param segments the template's segments: a literal's text, or a parameter as {@code {name}} / {@code {name+}}
 */
record RouteTemplate(String method, String template, List<String> segments) {

  private static final Pattern METHOD = Pattern.compile("[A-Z]+");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

  /**
   * Parses {@code "METHOD /path"}.
   *
   * @throws IllegalArgumentException what is wrong with it
   */
  static RouteTemplate parse(String route) {
    String[] parts = route == null ? new String[0] : route.trim().split("\\s+");
    if (parts.length != 2 || !METHOD.matcher(parts[0]).matches()) {
      throw new IllegalArgumentException("a route is a method in capitals and a path, like \"GET /books/{isbn}\"");
    }
    String path = parts[1];
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("the path must start with /");
    }
    List<String> segments = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (String segment : path.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      if (!segments.isEmpty() && greedy(segments.get(segments.size() - 1))) {
        throw new IllegalArgumentException("a greedy parameter {name+} must be the last segment");
      }
      if (segment.indexOf('{') >= 0 || segment.indexOf('}') >= 0) {
        boolean wellFormed = segment.startsWith("{") && segment.endsWith("}") && segment.length() > 2;
        String name = wellFormed ? segment.substring(1, segment.length() - 1) : "";
        name = name.endsWith("+") ? name.substring(0, name.length() - 1) : name;
        if (!wellFormed || !NAME.matcher(name).matches()) {
          throw new IllegalArgumentException("the segment '" + segment + "' is not a parameter like {isbn} or"
              + " {proxy+}: a parameter is a whole segment, a name of letters, digits, '_', '.' or '-' in braces");
        }
        if (!names.add(name)) {
          throw new IllegalArgumentException("the parameter {" + name + "} appears twice");
        }
      }
      segments.add(segment);
    }
    return new RouteTemplate(parts[0], path, List.copyOf(segments));
  }

  /** The path's shape, parameter names left out: two routes with one method and shape cannot be told apart. */
  String shape() {
    StringBuilder shape = new StringBuilder();
    for (String segment : segments) {
      shape.append('/').append(greedy(segment) ? "{+}" : parameter(segment) ? "{}" : segment);
    }
    return shape.isEmpty() ? "/" : shape.toString();
  }

  /**
   * The decoded parameters when {@code path} (raw segments, empty ones left out) fits the template, else null.
   */
  Map<String, String> match(List<String> path) {
    Map<String, String> parameters = null;
    for (int i = 0; i < segments.size(); i++) {
      String segment = segments.get(i);
      if (greedy(segment)) {
        if (i >= path.size()) {
          return null;
        }
        List<String> rest = new ArrayList<>();
        for (String raw : path.subList(i, path.size())) {
          rest.add(PercentDecoding.segment(raw));
        }
        parameters = parameters == null ? new HashMap<>() : parameters;
        parameters.put(name(segment), String.join("/", rest));
        return parameters;
      }
      if (i >= path.size()) {
        return null;
      }
      String value = PercentDecoding.segment(path.get(i));
      if (parameter(segment)) {
        parameters = parameters == null ? new HashMap<>() : parameters;
        parameters.put(name(segment), value);
      } else if (!segment.equals(value)) {
        return null;
      }
    }
    if (segments.size() != path.size()) {
      return null;
    }
    return parameters == null ? Map.of() : parameters;
  }

  /**
   * Orders templates most specific first: segment by segment, a literal before a parameter before a greedy one,
   * then the longer first.
   */
  static int bySpecificity(RouteTemplate a, RouteTemplate b) {
    int common = Math.min(a.segments.size(), b.segments.size());
    for (int i = 0; i < common; i++) {
      int order = Integer.compare(rank(a.segments.get(i)), rank(b.segments.get(i)));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(b.segments.size(), a.segments.size());
  }

  private static int rank(String segment) {
    return greedy(segment) ? 2 : parameter(segment) ? 1 : 0;
  }

  private static boolean parameter(String segment) {
    return segment.startsWith("{");
  }

  private static boolean greedy(String segment) {
    return segment.startsWith("{") && segment.endsWith("+}");
  }

  private static String name(String segment) {
    return segment.substring(1, segment.length() - (greedy(segment) ? 2 : 1));
  }

  @Override
  public String toString() {
    return method + " " + template;
  }
}
