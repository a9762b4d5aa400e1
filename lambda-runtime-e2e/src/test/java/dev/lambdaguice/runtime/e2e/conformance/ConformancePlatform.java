package dev.lambdaguice.runtime.e2e.conformance;

import dev.lambdaguice.runtime.local.Endpoint;
import dev.lambdaguice.runtime.local.Fault;
import dev.lambdaguice.runtime.local.InvokeOptions;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.RecordedRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The server side of a client conformance scenario: a Runtime API that hands out invocations, takes their answers,
 * fails calls on request, and shows what reached it. Implemented by MockWebServer scripted as the platform and by
 * {@code LocalLambda}, so that each scenario is written once and run against two independent HTTP servers.
 */
interface ConformancePlatform extends AutoCloseable {

  /** The {@code host:port} the client connects to. */
  String runtimeApi();

  /** The {@code Lambda-Runtime-Invoked-Function-Arn} this platform sends. */
  String functionArn();

  /** Queues an invocation for the next {@code /next}; completes with the runtime's answer. */
  CompletableFuture<InvokeResult> invoke(byte[] event, InvokeOptions options);

  /** Fails the next call of {@code endpoint}; only {@link Fault.Status} and {@link Fault.Drop} are used. */
  void inject(Endpoint endpoint, Fault fault);

  /** The requests that reached the platform, in arrival order. */
  List<RecordedRequest> requests();

  /** How many TCP connections the client opened so far. */
  int connections();

  @Override
  void close();
}
