package dev.lambdaguice.runtime.guice;

import com.google.inject.Injector;
import dev.lambdaguice.runtime.api.ExtensionsApiClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Graceful shutdown: runs the hooks bound with {@link LambdaHooks#shutdown} when Lambda ends the execution
 * environment, within a time budget, then ends the process.
 *
 * <p>Lambda sends {@code SIGTERM} to the runtime only when an extension is registered; otherwise it kills the
 * process without notice. So when (and only when) shutdown hooks are bound, init registers an internal extension
 * named {@value #EXTENSION_NAME} that subscribes to no event ({@code POST /2020-01-01/extension/register}), and
 * a daemon thread calls {@code /extension/event/next} with its identifier: Lambda ends the init phase only once
 * every registered extension made that call, and for an extension without events it never returns. With an
 * internal extension registered, Lambda gives the runtime 500 ms after {@code SIGTERM} before {@code SIGKILL}.
 *
 * <p>On {@code SIGTERM} the hooks run one after another in binding order on a thread of their own, for at most
 * {@value #BUDGET_VARIABLE} milliseconds ({@value #DEFAULT_BUDGET_MS} by default, leaving Lambda's last 100 ms to
 * log and exit). A hook that throws is logged at WARN and the next one runs; a hook still running when the budget
 * is spent is named at WARN, with the hooks that did not start. Then the process exits with status 0, whatever
 * an invocation may still be doing (Lambda sends {@code SIGTERM} only between invocations).
 */
final class ShutdownHooks implements Runnable {

  /** The variable that sets the hooks' budget, in milliseconds. */
  static final String BUDGET_VARIABLE = "LAMBDA_GUICE_SHUTDOWN_BUDGET_MS";
  static final long DEFAULT_BUDGET_MS = 400;
  /** The internal extension's name, unique within the function. */
  static final String EXTENSION_NAME = "lambda-guice-shutdown";

  private final List<LambdaHook> hooks;
  private final long budgetMs;
  private final Termination termination;
  private final Logger log;

  private ShutdownHooks(List<LambdaHook> hooks, long budgetMs, Termination termination, Logger log) {
    this.hooks = hooks;
    this.budgetMs = budgetMs;
    this.termination = termination;
    this.log = log;
  }

  /**
   * If shutdown hooks are bound: makes {@code termination} run them, and registers the internal extension that
   * makes Lambda send {@code SIGTERM}. With none bound it costs one lookup in the injector's bindings and calls
   * nothing. A failed registration is logged at WARN and init goes on: the hooks then run only if Lambda sends
   * {@code SIGTERM} anyway (another extension registered).
   *
   * @throws InitException {@code Runtime.InvalidConfiguration}: {@value #BUDGET_VARIABLE} is not a positive whole
   *     number of milliseconds
   */
  static void install(Map<String, String> env, Injector injector, String runtimeApi, Termination termination,
      Logger log) throws InitException {
    List<LambdaHook> hooks = LambdaHooks.hooks(injector, LambdaHooks.Shutdown.class);
    if (hooks.isEmpty()) {
      return;
    }
    if (!termination.onTerminate(new ShutdownHooks(hooks, budget(env), termination, log))) {
      log.info(hooks.size() + (hooks.size() == 1 ? " shutdown hook is" : " shutdown hooks are") + " bound, but"
          + " this runtime cannot hear SIGTERM (it does not own its process, or the Java runtime has no module"
          + " jdk.unsupported): no extension is registered and the hooks will not run");
      return;
    }
    ExtensionsApiClient extensions = new ExtensionsApiClient(runtimeApi);
    String identifier;
    try {
      identifier = extensions.register(EXTENSION_NAME);
    } catch (IOException | RuntimeException e) {
      log.warning("Could not register the internal extension " + EXTENSION_NAME + ", so Lambda may end this"
          + " process without SIGTERM and without running the shutdown hooks: " + e.getMessage());
      return;
    }
    Thread poll = new Thread(new ExtensionPoll(extensions, identifier, log), "lambda-guice-extension");
    poll.setDaemon(true);
    poll.start();
  }

  private static long budget(Map<String, String> env) throws InitException {
    String value = env.get(BUDGET_VARIABLE);
    if (value == null || value.isBlank()) {
      return DEFAULT_BUDGET_MS;
    }
    try {
      long budget = Long.parseLong(value.trim());
      if (budget > 0) {
        return budget;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InitException(ErrorTypes.INVALID_CONFIGURATION, BUDGET_VARIABLE + " must be a whole number of"
        + " milliseconds above 0 (the default is " + DEFAULT_BUDGET_MS + "), not '" + value + "'");
  }

  /** Runs on {@code SIGTERM}: the hooks within the budget, then the end of the process. */
  @Override
  public void run() {
    long start = System.nanoTime();
    log.info("SIGTERM: running " + hooks.size() + (hooks.size() == 1 ? " shutdown hook" : " shutdown hooks")
        + " within " + budgetMs + " ms");
    HookRun run = new HookRun(hooks, log);
    Thread thread = new Thread(run, "lambda-guice-shutdown-hooks");
    thread.setDaemon(true); // a hook that hangs must not keep the process alive
    thread.start();
    try {
      thread.join(budgetMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<String> unfinished = run.unfinished();
    if (unfinished.isEmpty()) {
      log.info("Shutdown hooks finished in " + (System.nanoTime() - start) / 1_000_000 + " ms; exiting");
    } else {
      log.warning("Shutdown hooks did not finish within " + budgetMs + " ms (" + BUDGET_VARIABLE + "): "
          + String.join(", ", unfinished) + "; exiting");
    }
    termination.exit(0);
  }

  /** Runs the hooks in order, remembering how far it got. */
  private static final class HookRun implements Runnable {
    private final List<LambdaHook> hooks;
    private final Logger log;
    private volatile int next; // the hook running now, or hooks.size() when done

    HookRun(List<LambdaHook> hooks, Logger log) {
      this.hooks = hooks;
      this.log = log;
    }

    @Override
    public void run() {
      for (LambdaHook hook : hooks) {
        try {
          hook.run();
        } catch (Exception | Error e) {
          log.log(Level.WARNING, "Shutdown hook " + hook.getClass().getName() + " failed: " + e, e);
        }
        next++;
      }
    }

    /** The hooks not done: the running one, then those not started. */
    List<String> unfinished() {
      int at = next;
      List<String> names = new ArrayList<>();
      for (int i = at; i < hooks.size(); i++) {
        names.add(hooks.get(i).getClass().getName() + (i == at ? " (still running)" : " (not started)"));
      }
      return names;
    }
  }

  /** Tells Lambda the extension is initialized, then waits in its long poll for good. */
  private static final class ExtensionPoll implements Runnable {
    private final ExtensionsApiClient client;
    private final String identifier;
    private final Logger log;

    ExtensionPoll(ExtensionsApiClient client, String identifier, Logger log) {
      this.client = client;
      this.identifier = identifier;
      this.log = log;
    }

    @Override
    public void run() {
      try {
        while (true) {
          client.nextEvent(identifier); // an extension without events gets none: this does not return
        }
      } catch (IOException | RuntimeException e) {
        // The platform closed the long poll (it ended, or a SnapStart restore broke the connection): the
        // registration stands, and SIGTERM still comes.
        log.fine("The extension's /event/next ended: " + e);
      }
    }
  }
}
