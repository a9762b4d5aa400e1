package dev.lambdaguice.runtime.guice;

import dev.lambdaguice.runtime.api.ContainerErrorException;
import dev.lambdaguice.runtime.api.ErrorReport;
import dev.lambdaguice.runtime.api.InvalidInvocationException;
import dev.lambdaguice.runtime.api.Invocation;
import dev.lambdaguice.runtime.api.RuntimeApiClient;
import dev.lambdaguice.runtime.api.StreamedResponse;
import dev.lambdaguice.runtime.api.XRayErrorCause;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves invocations one at a time on one connection until the platform fails. Every invocation it receives ends
 * with exactly one post: its {@code /response} (buffered, or streamed and ended cleanly or with error trailers), or
 * its {@code /error}; only a stream whose connection broke ends with none, as nothing can reach the caller then.
 * What to post is decided in one place ({@link #decide}) and posted in one ({@link AnswerPoster#post}). Under
 * {@code AWS_LAMBDA_MAX_CONCURRENCY} several loops run, one per thread, in a {@link LoopGroup}; everything about an
 * invocation stays on its loop's thread (its context, its log request id, its scoped objects, its stream).
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
  private final AnswerPoster poster;

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
    this.poster = new AnswerPoster(client, log, group);
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
    return poster.failed("/next", e);
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
    return poster.post(invocation, decide(invocation, active));
  }

  /** Runs the handler and decides how the invocation ends; posts nothing. */
  private Answer decide(Invocation invocation, ActiveInvocation active) {
    ResponseStream out = null;
    boolean read = false;
    try {
      LambdaContext context = contexts.create(invocation);
      active.context(context);
      Object event = handler.reader().read(invocation.payload());
      read = true;
      if (handler.streaming() != null) {
        out = new ResponseStream(
            type -> client.streamResponse(invocation.requestId(), invocation.invocationId(), type), writer.gson());
        try {
          handler.streaming().handle(event, out, context);
        } finally {
          Thread.interrupted(); // as below
        }
        Answer cut = cut(out);
        return cut != null ? cut : new Answer.Streamed(out);
      }
      Object result;
      try {
        result = handler.handler().handle(event, context);
      } finally {
        Thread.interrupted(); // an interrupt the handler left must not break the calls to the Runtime API
      }
      try {
        return writer.write(result);
      } catch (RuntimeException | StackOverflowError e) { // StackOverflowError: a cycle in the result's objects
        String message = "The result of handler '" + handler.key() + "' (" + result.getClass().getName()
            + ") could not be written as JSON: " + e;
        log.log(Level.SEVERE, message);
        return new Answer.Failed(ErrorTypes.INVALID_RESPONSE, ErrorReport.of(ErrorTypes.INVALID_RESPONSE, message),
            null, null, 0);
      }
    } catch (InvalidEventException e) {
      Answer cut = cut(out);
      if (cut != null) {
        return cut;
      }
      log.warning(!read ? "Event does not fit the event type " + handler.eventType().getTypeName()
          + " of handler '" + handler.key() + "'" : "Handler '" + handler.key() + "' found the event invalid: "
          + e.getMessage());
      return new Answer.Failed(ErrorTypes.INVALID_EVENT, ErrorReport.of(ErrorTypes.INVALID_EVENT, e.getMessage()),
          null, stream(out), 0);
    } catch (InvalidHeaderException e) {
      log.warning(e.getMessage());
      return new Answer.Failed(ErrorTypes.INVALID_INVOCATION,
          ErrorReport.of(ErrorTypes.INVALID_INVOCATION, e.getMessage()), null, null, 0);
    } catch (Exception e) {
      Answer cut = cut(out);
      if (cut != null) {
        return cut;
      }
      return thrown(e, ErrorTypes.USER_EXCEPTION, "Handler '" + handler.key() + "' threw", stream(out), 0);
    } catch (Error e) {
      // the JVM may be in no state to serve another invocation: report, then exit
      return thrown(e, ErrorTypes.FATAL_ERROR, "Handler '" + handler.key() + "' threw an Error, exiting",
          stream(out), LambdaRuntime.EXIT_FATAL_ERROR);
    }
  }

  private static StreamedResponse stream(ResponseStream out) {
    return out == null ? null : out.stream();
  }

  /**
   * The end of a stream cut short, whatever the handler did after: over its limit, {@code
   * Runtime.ResponseStreamTooLarge}; a broken connection, nothing to post. Null when neither happened.
   */
  private Answer cut(ResponseStream out) {
    if (out == null) {
      return null;
    }
    if (out.brokenBy() != null) {
      return new Answer.Broken(out.brokenBy());
    }
    return out.tooLarge() ? tooLarge(out) : null;
  }

  private Answer tooLarge(ResponseStream out) {
    String message = "Handler '" + handler.key() + "' streamed more than " + ResponseStream.MAX_BYTES
        + " bytes (ResponseStream.MAX_BYTES); the stream was cut there";
    log.warning(message);
    return new Answer.Failed(ErrorTypes.RESPONSE_STREAM_TOO_LARGE,
        ErrorReport.of(ErrorTypes.RESPONSE_STREAM_TOO_LARGE, message), null, out.stream(), 0);
  }

  /** Logs what the handler threw and makes its report, even for a throwable whose message or trace throws. */
  private Answer thrown(Throwable thrown, String errorType, String logMessage,
      StreamedResponse stream, int exit) {
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
    return new Answer.Failed(errorType, report, cause, stream, exit);
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
        poster.outcome(client.error(e.requestId(), e.invocationId(), ErrorTypes.INVALID_INVOCATION, report, null),
            "error");
        return true;
      } catch (IOException io) {
        poster.failed("/error", io);
        return false;
      } catch (RuntimeException bug) {
        log.log(Level.SEVERE, "The runtime could not post the error; the invocation will time out", bug);
        return true;
      }
    } finally {
      scope.exit();
    }
  }

}
