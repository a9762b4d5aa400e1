package dev.lambdaguice.runtime.guice;

import dev.lambdaguice.runtime.api.BrokenStreamException;
import dev.lambdaguice.runtime.api.ErrorReport;
import dev.lambdaguice.runtime.api.StreamedResponse;

/**
 * What the loop does to end one invocation, decided in one place ({@code InvocationLoop.decide}) and carried out in
 * one ({@code InvocationLoop.post}): post a buffered response, end a stream the handler finished, report an error
 * (an ordinary {@code /error}, or the trailers of a stream whose first byte left), or nothing, when the stream's
 * connection broke and the invocation cannot be answered any more.
 */
sealed interface Answer permits ResponseWriter.Response, Answer.Streamed, Answer.Failed, Answer.Broken {

  /** A streaming handler returned: end its stream (opened now if it wrote nothing). */
  record Streamed(ResponseStream out) implements Answer {}

  /**
   * The invocation failed. Posted as trailers when {@code stream} is non-null and started, else to {@code /error}
   * (after the unstarted stream, if any, was abandoned).
   *
   * @param xrayCause the X-Ray error cause JSON, or null
   * @param exit 0 to go on after posting, or the process exit code (an {@link Error})
   */
  record Failed(String errorType, ErrorReport report, String xrayCause, StreamedResponse stream, int exit)
      implements Answer {}

  /** The stream's connection broke (the caller went away): nothing can be posted. */
  record Broken(BrokenStreamException cause) implements Answer {}
}
