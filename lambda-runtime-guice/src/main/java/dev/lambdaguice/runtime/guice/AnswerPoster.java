package dev.lambdaguice.runtime.guice;

import dev.lambdaguice.runtime.api.BrokenStreamException;
import dev.lambdaguice.runtime.api.ContainerErrorException;
import dev.lambdaguice.runtime.api.ErrorReport;
import dev.lambdaguice.runtime.api.Invocation;
import dev.lambdaguice.runtime.api.PostResult;
import dev.lambdaguice.runtime.api.RuntimeApiClient;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries out an {@link Answer} for one {@link InvocationLoop}: exactly one post per invocation (a buffered
 * response, the end of a stream, its trailers, or an {@code /error}), none for a stream whose connection broke.
 * Each returns 0 to go on, or the process exit code; a loop of a {@link LoopGroup} goes on after a failed post on
 * its connection, a single loop exits.
 */
final class AnswerPoster {

  private final RuntimeApiClient client;
  private final Logger log;
  private final LoopGroup group;

  /** @param group the loops this one runs with, or null when it is the only one */
  AnswerPoster(RuntimeApiClient client, Logger log, LoopGroup group) {
    this.client = client;
    this.log = log;
    this.group = group;
  }

  /** Carries out the answer: exactly one post (or none for a broken stream); returns 0 to go on, or the exit code. */
  int post(Invocation invocation, Answer answer) {
    if (answer instanceof ResponseWriter.Response response) {
      try {
        return outcome(client.respond(invocation.requestId(), invocation.invocationId(), response.body(),
            response.length(), response.contentType()), "response");
      } catch (IOException e) {
        return failed("/response", e);
      } catch (RuntimeException e) { // a client bug: the response may not have gone out, so answer with an error
        String message = "The runtime could not post the response: " + e;
        log.log(Level.SEVERE, message, e);
        return fail(invocation, ErrorTypes.INVALID_RESPONSE, ErrorReport.of(ErrorTypes.INVALID_RESPONSE, message),
            null);
      }
    }
    if (answer instanceof Answer.Streamed streamed) {
      try {
        return outcome(streamed.out().complete(), "streamed response");
      } catch (BrokenStreamException e) {
        return brokenStream(invocation, e);
      } catch (IOException e) {
        return failed("/response", e);
      }
    }
    if (answer instanceof Answer.Failed error) {
      int posted;
      if (error.stream() != null && error.stream().started()) {
        try {
          posted = outcome(error.stream().fail(error.errorType(), error.report()), "streamed error");
        } catch (BrokenStreamException e) {
          posted = brokenStream(invocation, e);
        } catch (IOException e) {
          posted = failed("/response", e);
        }
      } else {
        if (error.stream() != null) {
          error.stream().abandon(); // nothing left: an ordinary error
        }
        posted = fail(invocation, error.errorType(), error.report(), error.xrayCause());
      }
      return error.exit() != 0 ? error.exit() : posted;
    }
    return brokenStream(invocation, ((Answer.Broken) answer).cause());
  }

  /** The caller went away or the connection broke mid-stream: the client reconnects, the loop goes on. */
  private int brokenStream(Invocation invocation, BrokenStreamException e) {
    log.warning("The response stream of invocation " + invocation.requestId() + " broke (the caller went away or"
        + " the connection closed): " + (e.getCause() != null ? e.getCause() : e.getMessage())
        + "; serving the next invocation on a new connection");
    return 0;
  }

  /** Posts the invocation's {@code /error}. */
  int fail(Invocation invocation, String errorType, ErrorReport report, String xrayCause) {
    try {
      return outcome(client.error(invocation.requestId(), invocation.invocationId(), errorType, report, xrayCause),
          "error");
    } catch (IOException e) {
      return failed("/error", e);
    } catch (RuntimeException e) { // a client bug: nothing more can be posted for this invocation
      log.log(Level.SEVERE, "The runtime could not post the error; the invocation will time out", e);
      return 0;
    }
  }

  /**
   * Logs why the runtime stops after a call failed, and returns the exit code. A thread interrupted while it waited
   * on the Runtime API (the socket is then closed, {@link ClosedByInterruptException}) was stopped on purpose, as
   * {@code lambda-runtime-local} stops an in-process runtime: that is said at INFO, not as a platform failure.
   */
  int failed(String call, Exception e) {
    if (e instanceof ClosedByInterruptException || Thread.currentThread().isInterrupted()) {
      log.info("The runtime thread was interrupted during " + call + "; the runtime stops");
    } else if (group != null && !(e instanceof ContainerErrorException) && !"/next".equals(call)) {
      // one connection failed, not necessarily the platform: the next /next tells, on a new connection
      log.log(Level.SEVERE, "The Runtime API connection failed on " + call + " (" + e + "); the invocation's"
          + " answer may be lost, and Lambda then ends it. This loop polls again on a new connection");
      return 0;
    } else {
      log.log(Level.SEVERE, "The Runtime API failed on " + call + ", exiting: " + e);
    }
    return LambdaRuntime.EXIT_PLATFORM_FAILED;
  }

  /** Logs a post the platform refused; the loop goes on in every case (a 500 arrives as an exception). */
  int outcome(PostResult result, String what) {
    if (result.accepted()) {
      return 0;
    }
    if (result.tooLarge()) {
      log.warning("The " + what + " was too large for Lambda (413); the caller got Function.ResponseSizeTooLarge");
    } else {
      log.warning("Lambda refused the " + what + " with status " + result.status() + ": " + result.body());
    }
    return 0;
  }
}
