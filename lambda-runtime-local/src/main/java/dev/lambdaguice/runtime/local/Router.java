package dev.lambdaguice.runtime.local;

import java.io.IOException;

/** Sends each request to the Runtime API, the Extensions API or the invoke endpoint, which share one port. */
final class Router implements SocketServer.Handler {
  private final RuntimeApiHandler runtimeApi;
  private final ExtensionsApiHandler extensionsApi;
  private final InvokeHandler invoke;

  Router(RuntimeApiHandler runtimeApi, ExtensionsApiHandler extensionsApi, InvokeHandler invoke) {
    this.runtimeApi = runtimeApi;
    this.extensionsApi = extensionsApi;
    this.invoke = invoke;
  }

  @Override
  public boolean handle(HttpRequest request, HttpConnection connection) throws IOException {
    if (request.path().startsWith(RuntimeApiHandler.PREFIX)) {
      return runtimeApi.handle(request, connection);
    }
    if (request.path().startsWith(ExtensionsApiHandler.PREFIX)) {
      return extensionsApi.handle(request, connection);
    }
    if (InvokeHandler.matches(request)) {
      return invoke.handle(request, connection);
    }
    return notFound(request, connection);
  }

  /** Answers 404 for a path no handler serves. */
  static boolean notFound(HttpRequest request, HttpConnection connection) throws IOException {
    connection.write(HttpResponse.json(404,
        ErrorJson.of("NotFound", "no endpoint " + request.method() + " " + request.path())));
    return true;
  }
}
