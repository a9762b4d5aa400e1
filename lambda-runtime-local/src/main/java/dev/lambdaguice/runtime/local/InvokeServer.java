package dev.lambdaguice.runtime.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The invoke endpoint of several functions on one port, {@code POST /2015-03-31/functions/<name>/invocations}:
 * hands each invocation to the named function's {@link LocalLambda} in this JVM (no HTTP in between), with the
 * header mappings of {@link InvokeHandler}; an unknown name is 404. It serves no Runtime API: each function has its
 * own on its own port.
 */
final class InvokeServer implements AutoCloseable {

  private final SocketServer server;
  private final String hostAndPort;

  private InvokeServer(SocketServer server) {
    this.server = server;
    this.hostAndPort = LocalLambda.hostAndPort(server.address());
  }

  /**
   * Binds {@code host:port} (port 0 picks a free port) and starts serving.
   *
   * @param functions the function of each name; several names may share one function
   */
  static InvokeServer start(String host, int port, Map<String, LocalLambda> functions) throws IOException {
    Map<String, Invocations> byName = new LinkedHashMap<>();
    functions.forEach((name, lambda) -> byName.put(name, lambda.invocations()));
    InvokeHandler invoke = new InvokeHandler(Map.copyOf(byName)::get);
    SocketServer.Handler handler = (request, connection) -> InvokeHandler.matches(request)
        ? invoke.handle(request, connection)
        : Router.notFound(request, connection);
    return new InvokeServer(SocketServer.start(new InetSocketAddress(host, port), handler,
        InvokeHandler.MAX_EVENT_BYTES, "local-lambda-invoke"));
  }

  /** {@code host:port} this server listens on. */
  String hostAndPort() {
    return hostAndPort;
  }

  /** The invoke endpoint of the function {@code name}. */
  URI invokeUri(String name) {
    return InvokeHandler.uri(hostAndPort, name);
  }

  /** Stops accepting and closes every open connection. */
  @Override
  public void close() {
    server.close();
  }
}
