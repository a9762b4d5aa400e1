package dev.lambdaguice.handlers.http;

/**
 * An expected failure a route answers with {@code status} and {@code {"message": ...}}, such as a 404 for a record
 * that does not exist or a 400 for a parameter out of range. The message goes to the caller: say what is wrong and
 * how to fix it, never anything secret. Nothing is logged. To keep route handlers free of HTTP, map the
 * application's own exceptions with {@link HttpHandlers#errors} instead.
 */
public class HttpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /** An answer with {@code status} (400 to 599) and {@code message}. */
  public HttpException(int status, String message) {
    super(message);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an HttpException's status is 400 to 599, got " + status);
    }
    this.status = status;
  }

  /** The response's status. */
  public int status() {
    return status;
  }
}
