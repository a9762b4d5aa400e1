package dev.lambdaguice.runtime.local;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tiny runtime for testing the runners and the server, shaped like {@code LambdaRuntime} ({@code main} and
 * {@code run(env, args)}). It polls {@code /next} and answers by the event's text:
 *
 * <ul>
 *   <li>{@code error:<message>}: posts {@code /error} with type {@code Runtime.UserException}
 *   <li>{@code exit:<code>}: returns that exit code without answering
 *   <li>{@code env:<NAME>}: responds with that environment variable's value
 *   <li>{@code args}: responds with the arguments joined by spaces
 *   <li>{@code headers}: responds with the {@code /next} response's {@code Lambda-Runtime-*} headers, as a JSON
 *       object of lower-case names to values
 *   <li>{@code print:<line>}: prints the line to stdout and {@code err:<line>} to stderr, responds {@code ok}
 *   <li>anything else: responds with the event itself
 * </ul>
 *
 * <p>Responses carry {@code Content-Type: $FAKE_CONTENT_TYPE} (default {@code application/json}) and echo
 * {@code Lambda-Runtime-Invocation-Id}. With {@code FAKE_INIT_ERROR} set it posts that as its init error and exits 3
 * (with {@code FAKE_INIT_ERROR_HANDLER} also set, only when its handler argument is that).
 * A failed {@code /next} exits 1; a 500 exits 2.
 *
 * <p>Its own lines (starting, stopping, unexpected statuses) go to stderr, or to the stream given to
 * {@link #loggingTo}, as tests do to stay quiet; {@code print:} and {@code err:} always write to stdout and stderr.
 */
public final class FakeRuntime {

  private FakeRuntime() {}

  public static void main(String[] args) {
    System.exit(run(System.getenv(), Arrays.asList(args)));
  }

  public static int run(Map<String, String> env, List<String> args) {
    return run(env, args, System.err);
  }

  /** An entry that runs this runtime with its own lines written to {@code log}. */
  static RuntimeEntry loggingTo(PrintStream log) {
    return (env, args) -> run(env, args, log);
  }

  private static int run(Map<String, String> env, List<String> args, PrintStream log) {
    String base = "http://" + env.get("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime/";
    String contentType = env.getOrDefault("FAKE_CONTENT_TYPE", "application/json");
    HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2))
        .build();
    log.println("fake runtime starting with handler " + (args.isEmpty() ? null : args.get(0)));
    try {
      String failing = env.get("FAKE_INIT_ERROR_HANDLER");
      if (env.containsKey("FAKE_INIT_ERROR") && (failing == null || args.contains(failing))) {
        post(http, base + "init/error", "Runtime.BadFunctionCode", null, "application/json",
            "{\"errorMessage\":\"" + env.get("FAKE_INIT_ERROR") + "\",\"errorType\":\"BadFunctionCode\"}");
        return 3;
      }
      while (true) {
        HttpResponse<byte[]> next = http.send(
            HttpRequest.newBuilder(URI.create(base + "invocation/next")).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
        if (next.statusCode() == 500) {
          log.println("fake runtime exiting: /next answered 500");
          return 2;
        }
        if (next.statusCode() != 200) {
          log.println("/next answered " + next.statusCode());
          continue;
        }
        String requestId = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
        String invocationId = next.headers().firstValue("Lambda-Runtime-Invocation-Id").orElse(null);
        String event = new String(next.body(), StandardCharsets.UTF_8);
        String answerUrl = base + "invocation/" + requestId;
        int status;
        if (event.startsWith("error:")) {
          status = post(http, answerUrl + "/error", "Runtime.UserException", invocationId, "application/json",
              "{\"errorMessage\":\"" + event.substring(6) + "\",\"errorType\":\"FakeError\",\"stackTrace\":[]}");
        } else if (event.startsWith("exit:")) {
          return Integer.parseInt(event.substring(5));
        } else {
          String body = event;
          if (event.startsWith("env:")) {
            body = String.valueOf(env.get(event.substring(4)));
          } else if (event.equals("args")) {
            body = String.join(" ", args);
          } else if (event.equals("headers")) {
            JsonObject headers = new JsonObject();
            next.headers().map().forEach((name, values) -> {
              if (name.toLowerCase(Locale.ROOT).startsWith("lambda-runtime-")) {
                headers.addProperty(name.toLowerCase(Locale.ROOT), values.get(0));
              }
            });
            body = headers.toString();
          } else if (event.startsWith("print:")) {
            System.out.println(event.substring(6));
            body = "ok";
          } else if (event.startsWith("err:")) {
            System.err.println(event.substring(4));
            body = "ok";
          }
          status = post(http, answerUrl + "/response", null, invocationId, contentType, body);
        }
        if (status == 500) {
          log.println("fake runtime exiting: its answer got 500");
          return 2;
        }
      }
    } catch (IOException e) {
      log.println("fake runtime stopping: the Runtime API failed: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      return 1;
    }
  }

  private static int post(HttpClient http, String url, String errorType, String invocationId, String contentType,
      String body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (errorType != null) {
      request.header("Lambda-Runtime-Function-Error-Type", errorType);
    }
    if (invocationId != null) {
      request.header("Lambda-Runtime-Invocation-Id", invocationId);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
