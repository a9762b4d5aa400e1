package dev.lambdaguice.runtime.guice;

import dev.lambdaguice.runtime.api.ContainerErrorException;
import dev.lambdaguice.runtime.api.ErrorReport;
import dev.lambdaguice.runtime.api.InvalidInvocationException;
import dev.lambdaguice.runtime.api.Invocation;
import dev.lambdaguice.runtime.api.PostResult;
import dev.lambdaguice.runtime.api.RuntimeApiClient;
import dev.lambdaguice.runtime.api.XRayErrorCause;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves invocations one at a time on one connection until the platform fails. Every invocation it receives ends
 * with exactly one post: its {@code /response}, or its {@code /error}. Under {@code AWS_LAMBDA_MAX_CONCURRENCY}
 * several loops run, one per thread, in a {@link LoopGroup}; everything about an invocation stays on its loop's
 * thread (its context, its log request id, its scoped objects).
 */
final class InvocationLoop {

  /** The system property X-Ray SDKs read the current trace header from; set only with one loop. */
  static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";
  /** {@link #pollFailed}: poll again. */
  private static final int RETRY = -1;

  private final RuntimeApiClient client;
  private final BoundHandler handler;
  private final ResponseWriter writer;
  private final ContextFactory contexts;
  private final InvocationScope scope;
  private final Logger log;
  private final LoopGroup group;
  private final DeadlineWatchdog.Watch watch;

  /**
   * @param group the loops this one runs with, or null when it is the only one
   * @param watch where this loop records the invocation it serves for the deadline watchdog, or null (off)
   */
  InvocationLoop(RuntimeApiClient client, BoundHandler handler, ResponseWriter writer, ContextFactory contexts,
      InvocationScope scope, Logger log, LoopGroup group, DeadlineWatchdog.Watch watch) {
    this.watch = watch;
    this.client = client;
    this.handler = handler;
    this.writer = writer;
    this.contexts = contexts;
    this.scope = scope;
    this.log = log;
    this.group = group;
  }

  /** Runs until the runtime must stop; returns the process exit code. */
  int run() {
    boolean retried = false;
    while (true) {
      if (group != null && !group.startPoll()) {
        return group.exitCode();
      }
      Invocation invocation;
      try {
        invocation = client.next();
      } catch (InvalidInvocationException e) {
        endPoll();
        retried = false;
        if (answerInvalid(e)) {
          continue;
        }
        return LambdaRuntime.EXIT_PLATFORM_FAILED;
      } catch (IOException | RuntimeException e) {
        int exit = pollFailed(e, retried);
        endPoll();
        if (exit == RETRY) {
          retried = true;
          continue;
        }
        return exit;
      }
      endPoll();
      retried = false;
      int exit = serve(invocation);
      if (exit != 0) {
        return exit;
      }
    }
  }

  /**
   * What to do after {@code /next} failed: one loop stops (the platform is gone, per the protocol); a loop of a
   * group polls once more on a new connection, as one connection can fail while the platform serves the others,
   * and stops when that fails too, or when the group stops.
   */
  private int pollFailed(Exception e, boolean retried) {
    if (group != null) {
      if (group.stopping()) {
        return group.exitCode();
      }
      if (!retried && !(e instanceof ContainerErrorException) && !(e instanceof ClosedByInterruptException)) {
        log.warning("The Runtime API connection failed on /next (" + e + "); polling again on a new connection");
        return RETRY;
      }
    }
    return failed("/next", e);
  }

  private void endPoll() {
    if (group != null) {
      group.endPoll();
    }
  }

  /** Serves one invocation; returns 0 to go on, or the exit code. */
  private int serve(Invocation invocation) {
    ActiveInvocation active = scope.enter(invocation.requestId());
    if (group == null) {
      if (invocation.traceId() != null) {
        System.setProperty(TRACE_PROPERTY, invocation.traceId());
      } else {
        System.clearProperty(TRACE_PROPERTY);
      }
    }
    if (watch != null) {
      watch.started(active, invocation.deadlineMs());
    }
    try {
      return answer(invocation, active);
    } finally {
      if (watch != null) {
        watch.ended();
      }
      scope.exit();
    }
  }

  private int answer(Invocation invocation, ActiveInvocation active) {
    ResponseWriter.Response response;
    boolean read = false;
    try {
      LambdaContext context = contexts.create(invocation);
      active.context(context);
      Object event = handler.reader().read(invocation.payload());
      read = true;
      Object result;
      try {
        result = handler.handler().handle(event, context);
      } finally {
        Thread.interrupted(); // an interrupt the handler left must not break the calls to the Runtime API
      }
      try {
        response = writer.write(result);
      } catch (RuntimeException | StackOverflowError e) { // StackOverflowError: a cycle in the result's objects
        String message = "The result of handler '" + handler.key() + "' (" + result.getClass().getName()
            + ") could not be written as JSON: " + e;
        log.log(Level.SEVERE, message);
        return fail(invocation, ErrorTypes.INVALID_RESPONSE, ErrorReport.of(ErrorTypes.INVALID_RESPONSE, message),
            null);
      }
    } catch (InvalidEventException e) {
      log.warning(!read ? "Event does not fit the event type " + handler.eventType().getTypeName()
          + " of handler '" + handler.key() + "'" : "Handler '" + handler.key() + "' found the event invalid: "
          + e.getMessage());
      return fail(invocation, ErrorTypes.INVALID_EVENT, ErrorReport.of(ErrorTypes.INVALID_EVENT, e.getMessage()),
          null);
    } catch (InvalidHeaderException e) {
      log.warning(e.getMessage());
      return fail(invocation, ErrorTypes.INVALID_INVOCATION,
          ErrorReport.of(ErrorTypes.INVALID_INVOCATION, e.getMessage()), null);
    } catch (Exception e) {
      return userException(invocation, e);
    } catch (Error e) {
      return fatal(invocation, e);
    }
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

  /** Reports an exception the handler threw; the loop goes on. */
  private int userException(Invocation invocation, Exception e) {
    return report(invocation, e, ErrorTypes.USER_EXCEPTION, "Handler '" + handler.key() + "' threw");
  }

  /** Reports an {@link Error} and stops: the JVM may be in no state to serve another invocation. */
  private int fatal(Invocation invocation, Error error) {
    report(invocation, error, ErrorTypes.FATAL_ERROR, "Handler '" + handler.key() + "' threw an Error, exiting");
    return LambdaRuntime.EXIT_FATAL_ERROR;
  }

  /** Logs and posts what the handler threw, even a throwable whose own message or stack trace throws. */
  private int report(Invocation invocation, Throwable thrown, String errorType, String logMessage) {
    ErrorReport report;
    String cause = null;
    try {
      report = ErrorReport.of(thrown);
      cause = XRayErrorCause.of(thrown);
      log.log(Level.SEVERE, logMessage, thrown);
    } catch (Throwable unreadable) {
      String type = thrown.getClass().getName();
      report = ErrorReport.of(type, "The handler threw " + type + ", whose message or stack trace could not be"
          + " read: " + unreadable.getClass().getName());
      log.severe(logMessage + ": " + type);
    }
    return fail(invocation, errorType, report, cause);
  }

  private int fail(Invocation invocation, String errorType, ErrorReport report, String xrayCause) {
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

  /** Answers an invocation whose headers are unusable; false when the platform failed. */
  private boolean answerInvalid(InvalidInvocationException e) {
    if (e.requestId() == null) {
      log.severe(e.getMessage() + "; that invocation cannot be answered");
      return true;
    }
    scope.enter(e.requestId());
    try {
      log.warning(e.getMessage());
      ErrorReport report = ErrorReport.of(ErrorTypes.INVALID_INVOCATION, e.getMessage());
      try {
        outcome(client.error(e.requestId(), e.invocationId(), ErrorTypes.INVALID_INVOCATION, report, null), "error");
        return true;
      } catch (IOException io) {
        failed("/error", io);
        return false;
      } catch (RuntimeException bug) {
        log.log(Level.SEVERE, "The runtime could not post the error; the invocation will time out", bug);
        return true;
      }
    } finally {
      scope.exit();
    }
  }

  /**
   * Logs why the runtime stops after a call failed, and returns the exit code. A thread interrupted while it waited
   * on the Runtime API (the socket is then closed, {@link ClosedByInterruptException}) was stopped on purpose, as
   * {@code lambda-runtime-local} stops an in-process runtime: that is said at INFO, not as a platform failure.
   */
  private int failed(String call, Exception e) {
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
  private int outcome(PostResult result, String what) {
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
