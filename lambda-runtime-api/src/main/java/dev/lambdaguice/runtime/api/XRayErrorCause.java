package dev.lambdaguice.runtime.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Builds the {@code Lambda-Runtime-Function-XRay-Error-Cause} header value for a throwable: the X-Ray "cause"
 * object with the exception chain and its frames. The result always stays under {@link #MAX_BYTES}: frames are
 * dropped from the end until it fits.
 */
public final class XRayErrorCause {

  /** The platform ignores larger causes; keep well under 64 KiB. */
  public static final int MAX_BYTES = 64 * 1024 - 1;

  private XRayErrorCause() {}

  /** The header value for {@code t}, or {@code null} if not even its first frame fits. */
  public static String of(Throwable t) {
    for (int frames = 64; frames >= 0; frames = frames == 0 ? -1 : frames / 2) {
      String json = build(t, frames);
      if (json.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
        return json;
      }
    }
    return null;
  }

  private static String build(Throwable t, int maxFrames) {
    JsonObject cause = new JsonObject();
    cause.addProperty("working_directory", System.getProperty("user.dir", ""));
    Set<String> paths = new LinkedHashSet<>();
    JsonArray exceptions = new JsonArray();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Throwable current = t;
    for (int depth = 0; current != null && depth < 8 && seen.add(current); depth++) { // stops at a cause cycle
      JsonObject exception = new JsonObject();
      exception.addProperty("message", truncate(String.valueOf(current.getMessage()), 2048));
      exception.addProperty("type", current.getClass().getName());
      JsonArray stack = new JsonArray();
      StackTraceElement[] trace = current.getStackTrace();
      for (int i = 0; i < Math.min(maxFrames, trace.length); i++) {
        StackTraceElement frame = trace[i];
        String path = frame.getFileName() == null ? "" : frame.getFileName();
        paths.add(path);
        JsonObject entry = new JsonObject();
        entry.addProperty("path", path);
        entry.addProperty("line", frame.getLineNumber());
        entry.addProperty("label", frame.getClassName() + "." + frame.getMethodName());
        stack.add(entry);
      }
      exception.add("stack", stack);
      exceptions.add(exception);
      current = current.getCause() == current ? null : current.getCause();
    }
    JsonArray pathArray = new JsonArray();
    paths.forEach(pathArray::add);
    cause.add("paths", pathArray);
    cause.add("exceptions", exceptions);
    return cause.toString();
  }

  private static String truncate(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max; // never split a surrogate pair
    return s.substring(0, end) + "...";
  }
}
