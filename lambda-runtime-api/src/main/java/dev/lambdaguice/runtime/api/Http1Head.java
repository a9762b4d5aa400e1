package dev.lambdaguice.runtime.api;

/**
 * The status line and headers of an answer, and how its body is framed.
 *
 * @param status the status code
 * @param headers the header fields
 * @param framing how the body ends
 * @param contentLength the body's length for {@link Framing#FIXED}, else -1
 * @param keepAlive whether the connection may carry another request after this answer: HTTP/1.1 without
 *     {@code Connection: close} and with a body that does not end with the connection
 */
record Http1Head(int status, ResponseHeaders headers, Framing framing, long contentLength, boolean keepAlive) {

  /** How an answer's body ends. */
  enum Framing {
    /** {@code Content-Length} bytes (0 for statuses that have no body). */
    FIXED,
    /** {@code Transfer-Encoding: chunked}. */
    CHUNKED,
    /** Neither: the body ends when the server closes the connection. */
    UNTIL_CLOSE
  }
}
