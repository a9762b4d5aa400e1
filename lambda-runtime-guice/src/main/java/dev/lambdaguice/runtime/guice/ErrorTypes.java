package dev.lambdaguice.runtime.guice;

/** The {@code Runtime.*} error types this runtime reports. README.md lists them for users. */
final class ErrorTypes {
  /** A required environment variable is missing or empty. */
  static final String MISSING_CONFIGURATION = "Runtime.MissingConfiguration";
  /**
   * An environment variable the runtime reads has a value it cannot use ({@code AWS_LAMBDA_MAX_CONCURRENCY},
   * {@code LAMBDA_GUICE_DEADLINE_WARNING_MS}).
   */
  static final String INVALID_CONFIGURATION = "Runtime.InvalidConfiguration";
  /** A class named in {@code LAMBDA_GUICE_MODULES} is not on the classpath. */
  static final String MODULE_NOT_FOUND = "Runtime.ModuleNotFound";
  /** A class named in {@code LAMBDA_GUICE_MODULES} is not a usable Module. */
  static final String INVALID_MODULE = "Runtime.InvalidModule";
  /** A module's constructor (or static initializer) threw. */
  static final String MODULE_CONSTRUCTOR_FAILED = "Runtime.ModuleConstructorFailed";
  /** Guice could not create the injector. */
  static final String INJECTOR_CREATION_FAILED = "Runtime.InjectorCreationFailed";
  /** No handler is bound under the requested key, or no key was given. */
  static final String NO_SUCH_HANDLER = "Runtime.NoSuchHandler";
  /** The handler cannot be created, or does not declare concrete event and result types. */
  static final String BAD_FUNCTION_CODE = "Runtime.BadFunctionCode";
  /** The event does not fit the handler's event type. */
  static final String INVALID_EVENT = "Runtime.InvalidEvent";
  /** The platform's invocation headers are unusable (garbled deadline, client context or identity). */
  static final String INVALID_INVOCATION = "Runtime.InvalidInvocation";
  /** The handler's result could not be written as JSON. */
  static final String INVALID_RESPONSE = "Runtime.InvalidResponse";
  /**
   * A streaming handler wrote more than {@code ResponseStream.MAX_BYTES} (200 MiB); sent in the stream's trailers.
   * AWS documents no name for it, so it is in the runtime's own namespace, which the platform keeps.
   */
  static final String RESPONSE_STREAM_TOO_LARGE = "Runtime.ResponseStreamTooLarge";
  /** Header for an exception thrown by the handler; the body names the exception's class. */
  static final String USER_EXCEPTION = "Runtime.UserException";
  /** Header for an {@link Error} thrown by the handler; the process exits after reporting it. */
  static final String FATAL_ERROR = "Runtime.FatalError";
  /** SnapStart: a priming invocation or a before-checkpoint hook threw; posted to {@code /runtime/init/error}. */
  static final String BEFORE_CHECKPOINT_ERROR = "Runtime.BeforeCheckpointError";
  /** SnapStart: an after-restore hook threw; posted to {@code /runtime/restore/error}. */
  static final String AFTER_RESTORE_ERROR = "Runtime.AfterRestoreError";

  private ErrorTypes() {}
}
