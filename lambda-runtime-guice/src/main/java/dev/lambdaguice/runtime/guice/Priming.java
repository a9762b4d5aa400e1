package dev.lambdaguice.runtime.guice;

import com.google.gson.Gson;
import com.google.inject.Injector;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;

/**
 * Runs the chosen handler with the priming events bound for its key (see {@link LambdaHooks#primingEvent}), the
 * way the loop serves an invocation (in the invocation scope, with its {@link LambdaContext} injectable and its
 * request id on log lines; read the event, call the handler, write the result as JSON) but without the Runtime
 * API: nothing is taken from {@code /next} and nothing is posted. A streaming handler writes to a stream that
 * discards its bytes.
 */
final class Priming {

  /** How far ahead of the priming call its context's deadline is. */
  static final long DEADLINE_MS = 60_000;

  private Priming() {}

  /**
   * Primes {@code handler}; returns how many events it ran.
   *
   * @throws InitException {@code Runtime.BeforeCheckpointError}: an event did not fit, the handler threw, or its
   *     result could not be written
   */
  static int run(Injector injector, BoundHandler handler, FunctionInfo function, InvocationScope scope, Logger log)
      throws InitException {
    List<String> events = LambdaHooks.primingEvents(injector, handler.key());
    if (events.isEmpty()) {
      return 0;
    }
    long start = System.nanoTime();
    ResponseWriter writer = new ResponseWriter(injector.getInstance(Gson.class));
    for (int i = 0; i < events.size(); i++) {
      String requestId = "priming-" + (i + 1);
      LambdaContext context = new LambdaContext(requestId, System.currentTimeMillis() + DEADLINE_MS, null, null, null,
          null, null, null, function);
      scope.enter(requestId).context(context);
      try {
        Object event = handler.reader().read(events.get(i).getBytes(StandardCharsets.UTF_8));
        if (handler.streaming() != null) {
          handler.streaming().handle(event, new ResponseStream(null, writer.gson()), context); // bytes discarded
        } else {
          writer.write(handler.handler().handle(event, context));
        }
      } catch (Exception | Error e) { // StackOverflowError: a cycle in the result, as in the loop
        throw new InitException(ErrorTypes.BEFORE_CHECKPOINT_ERROR, "Priming event " + (i + 1) + " of "
            + events.size() + " for handler '" + handler.key() + "' failed: " + e, e);
      } finally {
        scope.exit();
        Thread.interrupted(); // as in the loop: an interrupt the handler left must not break the calls that follow
      }
    }
    log.info("Primed handler '" + handler.key() + "' with " + events.size() + (events.size() == 1 ? " event" : " events")
        + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    return events.size();
  }
}
