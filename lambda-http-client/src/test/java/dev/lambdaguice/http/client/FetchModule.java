package dev.lambdaguice.http.client;

import com.google.gson.JsonObject;
import com.google.inject.AbstractModule;
import com.google.inject.Scopes;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import dev.lambdaguice.runtime.guice.LambdaHandlers;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Key {@code fetch}: GETs the event's {@code url} with the shared client. {@code mode} {@code catch} answers what a
 * {@link DeadlineExceededException} said and the time left when it came; {@code throw} lets it fail the
 * invocation; {@code background} starts the call on a thread of its own (outside the invocation) and answers at
 * once, the call's outcome kept under the event's {@code id} in {@link Background}; {@code outcome} answers that
 * outcome, or {@code pending}.
 */
public final class FetchModule extends AbstractModule {

  @Override
  protected void configure() {
    install(new LambdaHttpClientModule());
    bind(Background.class).in(Scopes.SINGLETON);
    LambdaHandlers.bind(binder(), "fetch").to(Fetch.class);
  }

  /** Outcomes of background calls, by id; one per function (the injector's singleton). */
  public static final class Background {
    final ConcurrentMap<String, CompletableFuture<String>> outcomes = new ConcurrentHashMap<>();
  }

  static final class Fetch implements LambdaHandler<JsonObject, JsonObject> {
    private final OkHttpClient client;
    private final Background background;

    @Inject
    Fetch(OkHttpClient client, Background background) {
      this.client = client;
      this.background = background;
    }

    @Override
    public JsonObject handle(JsonObject event, LambdaContext context) throws Exception {
      String mode = event.has("mode") ? event.get("mode").getAsString() : "throw";
      JsonObject answer = new JsonObject();
      if (mode.equals("outcome")) {
        CompletableFuture<String> outcome = background.outcomes.get(event.get("id").getAsString());
        answer.addProperty("outcome", outcome.isDone() ? outcome.join() : "pending");
        return answer;
      }
      String url = event.get("url").getAsString();
      if (mode.equals("background")) {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        background.outcomes.put(event.get("id").getAsString(), outcome);
        Thread thread = new Thread(() -> {
          try {
            outcome.complete(get(url));
          } catch (Exception e) {
            outcome.complete(e.toString());
          }
        }, "not-an-invocation");
        thread.start();
        answer.addProperty("started", true);
        return answer;
      }
      try {
        answer.addProperty("body", get(url));
      } catch (DeadlineExceededException e) {
        if (mode.equals("throw")) {
          throw e;
        }
        answer.addProperty("deadline", e.getMessage());
        answer.addProperty("remainingMs", context.remainingTimeMillis());
      }
      return answer;
    }

    private String get(String url) throws Exception {
      try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
        return response.body().string();
      }
    }
  }
}
