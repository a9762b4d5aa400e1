package dev.lambdaguice.runtime.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A client for the two calls of the Lambda Extensions API ({@code http://${AWS_LAMBDA_RUNTIME_API}/2020-01-01})
 * that an <em>internal</em> extension needs: {@link #register} and {@link #nextEvent}. A runtime registers one so
 * that Lambda sends it {@code SIGTERM} before it ends the execution environment (without a registered extension
 * the process is killed without notice).
 *
 * <p>It has a connection of its own, apart from the runtime's {@link RuntimeApiClient}: {@link #nextEvent} is a
 * long poll that, for an extension subscribed to no event, never returns, so it runs on a thread of its own. Like
 * the runtime's client it speaks HTTP/1.1 on a blocking JDK socket, has no thread of its own and logs nothing. Its
 * connection lives as long as the process (or until the platform closes it): there is no {@code close()}, as a
 * thread blocked in {@link #nextEvent} holds the client for good.
 */
public final class ExtensionsApiClient {

  /** The header that names the extension in {@code /register}. */
  public static final String NAME_HEADER = "Lambda-Extension-Name";
  /** The header with the extension's identifier: in the answer to {@code /register}, then on each call. */
  public static final String IDENTIFIER_HEADER = "Lambda-Extension-Identifier";

  private static final byte[] NO_EVENTS = "{\"events\":[]}".getBytes(StandardCharsets.US_ASCII);

  private final RuntimeApiConnection connection;
  private final byte[] registerRequest;
  private final byte[] nextRequest;

  /**
   * @param runtimeApi the {@code host:port} from {@code AWS_LAMBDA_RUNTIME_API}
   * @throws IllegalArgumentException if it is not a usable {@code host:port}
   */
  public ExtensionsApiClient(String runtimeApi) {
    HostPort address = HostPort.parse(Objects.requireNonNull(runtimeApi, "runtimeApi"));
    String fixedHeaders = "Host: " + address.hostHeader() + "\r\nUser-Agent: lambda-guice\r\n";
    this.registerRequest = ascii("POST /2020-01-01/extension/register HTTP/1.1\r\n" + fixedHeaders);
    this.nextRequest = ascii("GET /2020-01-01/extension/event/next HTTP/1.1\r\n" + fixedHeaders);
    this.connection = new RuntimeApiConnection(address.host(), address.port(), RuntimeApiClient.CONNECT_TIMEOUT_MS,
        RuntimeApiClient.MAX_HEADER_BYTES);
  }

  /**
   * Registers an extension named {@code name} that subscribes to no event ({@code {"events": []}}), and returns
   * the identifier Lambda gave it. Call it during init, before the runtime's first {@code /next}; then call
   * {@link #nextEvent} with the identifier, or Lambda waits for the extension to finish its init.
   *
   * @throws ContainerErrorException the platform answered 500
   * @throws IOException the connection failed, the platform refused the registration (another status than 200,
   *     with its error type, such as {@code Extension.RegistrationClosed}), or its answer had no identifier
   */
  public synchronized String register(String name) throws IOException {
    try {
      Http1Codec http = connection.open();
      http.start(registerRequest);
      http.header(NAME_HEADER, name);
      http.header("Content-Type", "application/json");
      http.send(NO_EVENTS, 0, NO_EVENTS.length);
      Http1Head head = http.readHead();
      if (head.status() != 200) {
        throw RuntimeApiClient.unexpected("POST /2020-01-01/extension/register", head, http);
      }
      String identifier = head.headers().get(IDENTIFIER_HEADER);
      http.readBody(head, RuntimeApiClient.MAX_ANSWER_BYTES, "answer");
      if (identifier == null || identifier.isBlank()) {
        throw new IOException("POST /2020-01-01/extension/register answered 200 without a " + IDENTIFIER_HEADER
            + " header");
      }
      return identifier;
    } finally {
      connection.release();
    }
  }

  /**
   * Waits for the extension's next event and returns its JSON. The first call tells Lambda that the extension
   * finished its init. For an extension subscribed to no event it blocks until the process ends: there is no read
   * timeout.
   *
   * @throws IOException the connection failed or the platform answered another status than 200
   */
  public synchronized String nextEvent(String identifier) throws IOException {
    try {
      Http1Codec http = connection.open();
      http.start(nextRequest);
      http.header(IDENTIFIER_HEADER, identifier);
      http.send();
      Http1Head head = http.readHead();
      if (head.status() != 200) {
        throw RuntimeApiClient.unexpected("GET /2020-01-01/extension/event/next", head, http);
      }
      return new String(http.readBody(head, RuntimeApiClient.MAX_ANSWER_BYTES, "event"), StandardCharsets.UTF_8);
    } finally {
      connection.release();
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
