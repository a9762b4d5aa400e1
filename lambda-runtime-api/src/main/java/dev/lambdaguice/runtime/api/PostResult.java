package dev.lambdaguice.runtime.api;

/**
 * What the Runtime API answered to a {@code POST}. Only 202 means accepted; 400 (unknown or stale request id),
 * 403 (invalid state transition), 410 (gone) and 413 (response too large) are answers the runtime logs and moves
 * on from. A 500 is never a {@code PostResult}: it is thrown as {@link ContainerErrorException}.
 *
 * @param status the HTTP status code
 * @param body the response body the server sent (its error JSON), possibly empty; never event data
 */
public record PostResult(int status, String body) {

  /** True when the platform took the post (HTTP 202, or any other 2xx). */
  public boolean accepted() {
    return status >= 200 && status < 300;
  }

  /** True for 413: the response was too large, and the caller already got {@code Function.ResponseSizeTooLarge}. */
  public boolean tooLarge() {
    return status == 413;
  }
}
