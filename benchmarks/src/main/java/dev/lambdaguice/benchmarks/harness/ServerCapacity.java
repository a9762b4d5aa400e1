package dev.lambdaguice.benchmarks.harness;

import dev.lambdaguice.benchmarks.floor.FloorRuntime;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The bench server measured alone: {@link FloorRuntime} loops run as threads of this JVM and drive it as fast as
 * they can. The client loops share the JVM (and CPU) with the server, so the rate is a lower bound of what the
 * server can serve.
 */
public final class ServerCapacity {

  private ServerCapacity() {}

  /** Invocations per second of {@code clients} concurrent client loops over {@code invocations} invocations. */
  public record Capacity(String event, int clients, int invocations, double invocationsPerSecond,
      double serverCpuMicros) {}

  /** Runs {@code invocations} invocations of {@code event} with {@code clients} client loops. */
  public static Capacity measure(BenchEvent event, int clients, int invocations) throws Exception {
    BenchServer server = BenchServer.start(event, invocations);
    String api = server.runtimeApi();
    int colon = api.lastIndexOf(':');
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Thread thread = new Thread(() -> {
        try {
          new FloorRuntime(api.substring(0, colon), Integer.parseInt(api.substring(colon + 1))).run();
        } catch (IOException e) {
          // the server closed the connection
        }
      }, "capacity-client-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    boolean done = server.awaitDone(10, TimeUnit.MINUTES);
    server.close();
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    }
    BenchServer.Served served = server.served();
    if (!done || served.failureCount() > 0 || served.answered() != invocations) {
      throw new IllegalStateException("server capacity run failed: " + served.answered() + " of " + invocations
          + " answered; " + served.failures());
    }
    long first = Arrays.stream(served.sentNanos()).min().orElseThrow();
    long last = Arrays.stream(served.answeredNanos()).max().orElseThrow();
    return new Capacity(event.name(), clients, invocations, invocations * 1e9 / (last - first),
        served.cpuNanos() / 1e3 / invocations);
  }
}
