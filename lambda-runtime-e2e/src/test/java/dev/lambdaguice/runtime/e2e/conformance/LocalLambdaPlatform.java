package dev.lambdaguice.runtime.e2e.conformance;

import dev.lambdaguice.runtime.local.Endpoint;
import dev.lambdaguice.runtime.local.Fault;
import dev.lambdaguice.runtime.local.InvokeOptions;
import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
import dev.lambdaguice.runtime.local.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@code LocalLambda} behind a {@link CountingProxy}, which tells how many connections the client opened. */
final class LocalLambdaPlatform implements ConformancePlatform {

  private final LocalLambda lambda;
  private final CountingProxy proxy;

  LocalLambdaPlatform() throws IOException {
    lambda = LocalLambda.start();
    try {
      proxy = new CountingProxy(new InetSocketAddress("127.0.0.1", lambda.port()));
    } catch (IOException e) {
      lambda.close();
      throw e;
    }
  }

  @Override
  public String runtimeApi() {
    return proxy.hostPort();
  }

  @Override
  public String functionArn() {
    return lambda.functionArn();
  }

  @Override
  public CompletableFuture<InvokeResult> invoke(byte[] event, InvokeOptions options) {
    return lambda.invokeAsync(event, options);
  }

  @Override
  public void inject(Endpoint endpoint, Fault fault) {
    lambda.inject(endpoint, fault);
  }

  @Override
  public List<RecordedRequest> requests() {
    return lambda.requests();
  }

  @Override
  public int connections() {
    return proxy.connections();
  }

  @Override
  public void close() {
    try {
      proxy.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      lambda.close();
    }
  }
}
