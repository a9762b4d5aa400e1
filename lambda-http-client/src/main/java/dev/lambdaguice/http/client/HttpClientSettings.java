package dev.lambdaguice.http.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the shared client behaves on Lambda; {@link #defaults()} unless the application binds its own with
 * {@link LambdaHttpClient#settings}.
 *
 * @param deadlineMargin how long before the invocation's deadline every call must have ended: a call still running
 *     then is cancelled with a {@link DeadlineExceededException}, leaving the handler this long to answer
 * @param propagateTraceHeader whether calls made during an invocation carry its X-Ray trace header
 *     ({@code X-Amzn-Trace-Id}) unless they set one
 * @param preconnect URLs requested with {@code HEAD} during init, so the first invocation finds a pooled (and, for
 *     HTTPS, handshaken) connection; their answers are discarded, a failure is logged
 */
public record HttpClientSettings(Duration deadlineMargin, boolean propagateTraceHeader, List<String> preconnect) {

  /** The default margin: half a second to turn a slow dependency into an answer. */
  public static final Duration DEFAULT_DEADLINE_MARGIN = Duration.ofMillis(500);

  public HttpClientSettings {
    Objects.requireNonNull(deadlineMargin, "deadlineMargin");
    if (deadlineMargin.isNegative()) {
      throw new IllegalArgumentException("deadlineMargin must not be negative: " + deadlineMargin);
    }
    preconnect = List.copyOf(preconnect);
  }

  /** A 500 ms margin, the trace header passed on, nothing pre-connected. */
  public static HttpClientSettings defaults() {
    return new HttpClientSettings(DEFAULT_DEADLINE_MARGIN, true, List.of());
  }

  public HttpClientSettings withDeadlineMargin(Duration margin) {
    return new HttpClientSettings(margin, propagateTraceHeader, preconnect);
  }

  public HttpClientSettings withPropagateTraceHeader(boolean propagate) {
    return new HttpClientSettings(deadlineMargin, propagate, preconnect);
  }

  public HttpClientSettings withPreconnect(String... urls) {
    return new HttpClientSettings(deadlineMargin, propagateTraceHeader, List.of(urls));
  }
}
