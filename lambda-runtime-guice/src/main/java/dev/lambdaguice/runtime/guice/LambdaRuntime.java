package dev.lambdaguice.runtime.guice;

import com.google.gson.Gson;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import dev.lambdaguice.runtime.api.ErrorReport;
import dev.lambdaguice.runtime.api.RuntimeApiClient;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The bootstrap of a Lambda function: builds one injector from the modules named in {@code LAMBDA_GUICE_MODULES},
 * picks the handler bound under the key given as the first program argument (the image CMD) or in
 * {@code _HANDLER}, and serves invocations from the Runtime API at {@code AWS_LAMBDA_RUNTIME_API} until the
 * platform goes away.
 *
 * <p>Init runs before the first {@code /next}, in {@link Stage#PRODUCTION}, so eager singletons are built while
 * Lambda gives the init phase full CPU. An init failure is posted to {@code /runtime/init/error} with a
 * {@code Runtime.*} error type, and the process exits with {@link #EXIT_INIT_FAILED}.
 */
public final class LambdaRuntime {

  /** Exit code after a failed init. */
  public static final int EXIT_INIT_FAILED = 1;
  /** Exit code when the Runtime API answers 500, refuses or resets the connection. */
  public static final int EXIT_PLATFORM_FAILED = 2;
  /** Exit code after a handler threw an {@link Error}, such as {@link OutOfMemoryError}. */
  public static final int EXIT_FATAL_ERROR = 3;
  /** Exit code after a SnapStart after-restore hook failed (see {@link LambdaHooks}). */
  public static final int EXIT_RESTORE_FAILED = 4;

  /**
   * {@code true} asks for text logs a person reads in a terminal: a record's lines as real line breaks, not the
   * {@code \r} that keeps it one CloudWatch event. {@code LocalMain} sets it when its output is a terminal.
   */
  public static final String LOG_TERMINAL_VARIABLE = "LAMBDA_GUICE_LOG_TERMINAL";

  private LambdaRuntime() {}

  /**
   * Guice's default class definer calls {@code sun.misc.Unsafe}, which JDK 24+ reports with a warning on stderr in
   * every cold start; child class loaders avoid it (and Guice uses reflection where they cannot reach).
   */
  static final String GUICE_CLASS_LOADING = "guice_custom_class_loading";

  /**
   * Runs the runtime with the process environment; exits when it must stop. Sets the system property
   * {@value #GUICE_CLASS_LOADING} to {@code CHILD} unless the command line set it.
   */
  public static void main(String[] args) {
    if (System.getProperty(GUICE_CLASS_LOADING) == null) {
      System.setProperty(GUICE_CLASS_LOADING, "CHILD");
    }
    System.exit(run(System.getenv(), Arrays.asList(args), System.out, new SigtermTermination()));
  }

  /**
   * Runs the runtime with the given environment and arguments until it must stop, and returns the exit code the
   * process should end with (never 0: a runtime stops only on a failure). For in-process use by tests and by
   * {@code lambda-runtime-local}; it installs its log handler, writing to {@code System.out}, on the root
   * {@code java.util.logging} logger.
   */
  public static int run(Map<String, String> env, List<String> args) {
    return run(env, args, System.out);
  }

  /**
   * Like {@link #run(Map, List)}, with the log lines written to {@code logOutput} instead of {@code System.out}:
   * for test tools that keep a runtime's logs (see {@code lambda-guice-test}).
   */
  public static int run(Map<String, String> env, List<String> args, PrintStream logOutput) {
    return run(env, args, logOutput, Termination.NONE);
  }

  /** As {@link #run(Map, List, PrintStream)}; {@code termination} runs the shutdown hooks when Lambda ends it. */
  static int run(Map<String, String> env, List<String> args, PrintStream logOutput, Termination termination) {
    int concurrency = 1;
    long warningMargin = 0;
    String configurationProblem = null;
    try {
      concurrency = MaxConcurrency.from(env);
      warningMargin = DeadlineWatchdog.margin(env);
    } catch (IllegalArgumentException e) {
      configurationProblem = e.getMessage();
    }
    InvocationScope scope = new InvocationScope(concurrency == 1);
    Logger log = Logging.install(env, scope, logOutput);
    String runtimeApi = env.get("AWS_LAMBDA_RUNTIME_API");
    if (runtimeApi == null || runtimeApi.isBlank()) {
      log.severe("Runtime.MissingConfiguration: AWS_LAMBDA_RUNTIME_API is not set; this process must be started"
          + " by Lambda, or by lambda-runtime-local on your machine");
      return EXIT_INIT_FAILED;
    }
    RuntimeApiClient client;
    try {
      client = new RuntimeApiClient(runtimeApi);
    } catch (IllegalArgumentException e) {
      log.severe("Runtime.MissingConfiguration: " + e.getMessage());
      return EXIT_INIT_FAILED;
    }
    List<RuntimeApiClient> clients = new ArrayList<>(List.of(client));
    try {
      if (configurationProblem != null) {
        throw new InitException(ErrorTypes.INVALID_CONFIGURATION, configurationProblem);
      }
      long start = System.nanoTime();
      FunctionInfo function = FunctionInfo.from(env);
      Injector injector = createInjector(env, function, scope);
      String key = !args.isEmpty() && !args.get(0).isBlank() ? args.get(0).trim() : env.get("_HANDLER");
      BoundHandler handler = BoundHandler.select(injector, key);
      ShutdownHooks.install(env, injector, runtimeApi, termination, log);
      log.info("Serving handler '" + handler.key() + "' (" + handler.instance().getClass().getName()
          + "); init took " + (System.nanoTime() - start) / 1_000_000 + " ms");
      int restore = SnapStart.checkpointAndRestore(env, injector, handler, function, scope, client, log);
      if (restore != 0) {
        return restore;
      }
      Gson gson = injector.getInstance(Gson.class);
      ContextFactory contexts = new ContextFactory(function);
      DeadlineWatchdog watchdog = DeadlineWatchdog.start(warningMargin, handler.key(), scope, log);
      if (concurrency == 1) {
        return new InvocationLoop(client, handler, new ResponseWriter(gson), contexts, scope, log, null,
            watchdog == null ? null : watchdog.watch()).run();
      }
      LoopGroup group = new LoopGroup(log);
      List<InvocationLoop> loops = new ArrayList<>(concurrency);
      for (int i = 0; i < concurrency; i++) {
        RuntimeApiClient loopClient = i == 0 ? client : new RuntimeApiClient(runtimeApi);
        if (i > 0) {
          clients.add(loopClient);
        }
        loops.add(new InvocationLoop(loopClient, handler, new ResponseWriter(gson), contexts, scope, log, group,
            watchdog == null ? null : watchdog.watch()));
      }
      return group.run(loops);
    } catch (InitException e) {
      return initFailed(client, e, log);
    } finally {
      clients.forEach(RuntimeApiClient::close);
    }
  }

  private static Injector createInjector(Map<String, String> env, FunctionInfo function, InvocationScope scope)
      throws InitException {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    List<Module> modules = new ArrayList<>(
        new ModuleLoader(loader != null ? loader : LambdaRuntime.class.getClassLoader())
            .load(env.get(ModuleLoader.VARIABLE)));
    modules.add(new RuntimeModule(function, scope));
    try {
      return Guice.createInjector(Stage.PRODUCTION, modules);
    } catch (CreationException e) {
      throw new InitException(ErrorTypes.INJECTOR_CREATION_FAILED, e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new InitException(ErrorTypes.INJECTOR_CREATION_FAILED, "Creating the injector failed: " + e, e);
    }
  }

  private static int initFailed(RuntimeApiClient client, InitException e, Logger log) {
    log.severe("Init failed: " + e.errorType() + ": " + e.getMessage());
    List<String> trace = e.getCause() == null ? List.of() : ErrorReport.of(e.getCause()).stackTrace();
    try {
      client.initError(e.errorType(), new ErrorReport(e.errorType(), e.getMessage(), trace));
    } catch (IOException io) {
      log.severe("Could not report the init error to the Runtime API: " + io);
    }
    return EXIT_INIT_FAILED;
  }
}
