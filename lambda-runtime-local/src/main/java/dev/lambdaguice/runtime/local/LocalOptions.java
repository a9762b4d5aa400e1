package dev.lambdaguice.runtime.local;

import dev.lambdaguice.runtime.guice.LambdaRuntime;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@link LocalMain}.
 *
 * @param handlers the handler keys, in order: one function each; empty when none was given
 * @param jvmArgs JVM flags for each runtime process
 * @param inProcess whether the runtimes run on threads of this JVM instead of in child processes
 * @param invoke the event file of a single invocation ({@code -} for stdin), or null to serve
 * @param maxConcurrency {@code AWS_LAMBDA_MAX_CONCURRENCY} for every runtime, or 0 to leave it unset
 */
record LocalOptions(
    String host,
    int port,
    List<String> modules,
    List<String> handlers,
    Duration timeout,
    int memorySizeMb,
    String functionName,
    String region,
    Map<String, String> env,
    String runtimeClass,
    List<String> jvmArgs,
    boolean inProcess,
    String invoke,
    int maxConcurrency,
    boolean help) {

  static final String DEFAULT_RUNTIME_CLASS = LambdaRuntime.class.getName();

  static final String USAGE = String.join("\n",
      "usage: java -cp <class path> dev.lambdaguice.runtime.local.LocalMain --modules <Module,...> [options]",
      "",
      "Runs the lambda-guice runtime against a local Lambda Runtime API and serves the invoke endpoint:",
      "  curl -XPOST http://localhost:9000/2015-03-31/functions/function/invocations -d '{\"body\":\"hello\"}'",
      "",
      "Each function's runtime is a JVM of its own, started at the function's first invocation, as Lambda starts",
      "an execution environment. A timed-out invocation is answered at its deadline and its runtime killed; so is",
      "one that exits (a crash, an init error); the next invocation starts a fresh runtime.",
      "",
      "Or run one invocation and exit, like sam local invoke (the result on stdout, logs on stderr):",
      "  ... --handler echo --invoke event.json",
      "",
      "With several handler keys, each key is its own function (its own runtime, injector and Runtime API on a",
      "free loopback port), invoked by its key; the first key is also served as function:",
      "  ... --handler api,service-call --handler echo",
      "  curl -XPOST http://localhost:9000/2015-03-31/functions/echo/invocations -d '{\"body\":\"hello\"}'",
      "",
      "options:",
      "  --modules <list>        comma-separated Guice module class names (default: $LAMBDA_GUICE_MODULES)",
      "  --handler <key,...>     handler keys, one function each; repeatable (default: $_HANDLER, one key)",
      "  --port <port>           port of the invoke endpoint, and with one key of the Runtime API",
      "                          (default: 9000; 0 picks a free one)",
      "  --host <address>        address to listen on (default: 127.0.0.1)",
      "  --timeout <seconds>     function timeout (default: 30)",
      "  --memory <MB>           AWS_LAMBDA_FUNCTION_MEMORY_SIZE (default: 512)",
      "  --function-name <name>  AWS_LAMBDA_FUNCTION_NAME with one key (default: function);",
      "                          with several keys, each function is named after its key",
      "  --region <region>       AWS_REGION (default: us-east-1)",
      "  --env <NAME=VALUE>      an extra environment variable for every runtime; repeatable",
      "  --max-concurrency <n>   AWS_LAMBDA_MAX_CONCURRENCY, as on Lambda Managed Instances: each runtime polls",
      "                          n invocations at once (default: unset, one at a time); LocalMain says on",
      "                          stderr each time more ran at once than before",
      "  --invoke <file|->       run one invocation of the (single) key with the event in <file>, or stdin for -;",
      "                          print its result on stdout and exit: 0 on success, 1 on a function, init or",
      "                          timeout error, 2 on bad arguments; the runtime runs in this JVM",
      "  --in-process            run the runtimes on threads of this JVM, not in child processes: quicker to",
      "                          start and simpler to debug, but a timed-out invocation cannot be stopped, and",
      "                          this exits when a runtime stops (an init error, a crash)",
      "  --jvm-arg <flag>        a JVM flag for each runtime process, e.g. -Xmx256m or -agentlib:jdwp=...;",
      "                          repeatable (runtimes get -XX:MaxRAM=<memory>m and Lambda's JIT and GC flags)",
      "  --runtime-class <class> a class with static int run(Map<String,String>, List<String>), and a main",
      "                          for runtime processes (default: dev.lambdaguice.runtime.guice.LambdaRuntime)",
      "  --help                  print this help");

  /**
   * Parses {@code args}, falling back to {@code LAMBDA_GUICE_MODULES} and {@code _HANDLER} (one key) from
   * {@code environment}.
   *
   * @throws IllegalArgumentException with a message for the user
   */
  static LocalOptions parse(List<String> args, Map<String, String> environment) {
    String host = "127.0.0.1";
    int port = 9000;
    String modules = environment.get("LAMBDA_GUICE_MODULES");
    List<String> handlerValues = new ArrayList<>();
    int timeoutSeconds = 30;
    int memory = 512;
    String functionName = null;
    String region = "us-east-1";
    Map<String, String> env = new LinkedHashMap<>();
    String runtimeClass = DEFAULT_RUNTIME_CLASS;
    List<String> jvmArgs = new ArrayList<>();
    boolean inProcess = false;
    String invoke = null;
    int maxConcurrency = 0;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--help") || arg.equals("-h")) {
        return new LocalOptions(host, port, List.of(), List.of(), Duration.ofSeconds(timeoutSeconds), memory,
            "function", region, Map.of(), runtimeClass, List.of(), false, null, 0, true);
      }
      if (arg.equals("--in-process")) {
        inProcess = true;
        continue;
      }
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument: " + arg);
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg : arg.substring(0, equals);
      String value;
      if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.size() && (!args.get(i + 1).startsWith("--") || name.equals("--jvm-arg"))) {
        value = args.get(++i);
      } else {
        throw new IllegalArgumentException(name + " needs a value");
      }
      switch (name) {
        case "--modules": modules = value; break;
        case "--handler": handlerValues.add(value); break;
        case "--host": host = value; break;
        case "--port": port = number(name, value, 0, 65535); break;
        case "--timeout": timeoutSeconds = number(name, value, 1, 43_200); break;
        case "--memory": memory = number(name, value, 1, 1_048_576); break;
        case "--function-name": functionName = value; break;
        case "--region": region = value; break;
        case "--runtime-class": runtimeClass = value; break;
        case "--jvm-arg": jvmArgs.add(value); break;
        case "--invoke": invoke = value; break;
        case "--max-concurrency": maxConcurrency = number(name, value, 1, 4096); break;
        case "--env":
          int split = value.indexOf('=');
          if (split <= 0) {
            throw new IllegalArgumentException("--env needs NAME=VALUE, got: " + value);
          }
          env.put(value.substring(0, split), value.substring(split + 1));
          break;
        default: throw new IllegalArgumentException("unknown option: " + name);
      }
    }
    List<String> moduleList = new ArrayList<>();
    if (modules != null) {
      Arrays.stream(modules.split(",")).map(String::trim).filter(m -> !m.isEmpty()).forEach(moduleList::add);
    }
    if (moduleList.isEmpty()) {
      throw new IllegalArgumentException("no Guice modules: pass --modules or set LAMBDA_GUICE_MODULES");
    }
    List<String> handlers;
    if (!handlerValues.isEmpty()) {
      handlers = HandlerKeys.parse(handlerValues);
    } else {
      String handler = environment.get("_HANDLER");
      handlers = handler == null || handler.isBlank() ? List.of() : List.of(handler);
    }
    if (handlers.size() > 1 && functionName != null) {
      throw new IllegalArgumentException("--function-name needs a single handler key: with several keys, each"
          + " function is named after its key");
    }
    if (invoke != null && handlers.size() > 1) {
      throw new IllegalArgumentException("--invoke runs one key; got " + handlers.size() + ": "
          + String.join(",", handlers));
    }
    return new LocalOptions(host, port, List.copyOf(moduleList), handlers, Duration.ofSeconds(timeoutSeconds),
        memory, functionName != null ? functionName : "function", region, Map.copyOf(env),
        runtimeClass, List.copyOf(jvmArgs), inProcess, invoke, maxConcurrency, false);
  }

  /**
   * The {@code static int run(Map<String, String>, List<String>)} of {@link #runtimeClass()}.
   *
   * @throws IllegalArgumentException there is no such class or method
   */
  RuntimeEntry runtimeEntry() {
    Method run;
    try {
      run = Class.forName(runtimeClass).getMethod("run", Map.class, List.class);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      throw new IllegalArgumentException("--runtime-class " + runtimeClass
          + " has no public static int run(Map<String, String>, List<String>): " + e);
    }
    if (!Modifier.isStatic(run.getModifiers()) || run.getReturnType() != int.class) {
      throw new IllegalArgumentException("--runtime-class " + runtimeClass + ": run must be static and return int");
    }
    return (env, args) -> {
      try {
        return (int) run.invoke(null, env, args);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
    };
  }

  /**
   * The class of {@link #runtimeClass()}, checked to have the {@code public static void main(String[])} that a
   * runtime process runs.
   *
   * @throws IllegalArgumentException there is no such class or method
   */
  String runtimeMainClass() {
    Method main;
    try {
      main = Class.forName(runtimeClass).getMethod("main", String[].class);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      throw new IllegalArgumentException("--runtime-class " + runtimeClass
          + " has no public static void main(String[]) to run in a runtime process (or use --in-process): " + e);
    }
    if (!Modifier.isStatic(main.getModifiers())) {
      throw new IllegalArgumentException("--runtime-class " + runtimeClass + ": main must be static");
    }
    return runtimeClass;
  }

  private static int number(String name, String value, int min, int max) {
    int number;
    try {
      number = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a whole number, got: " + value);
    }
    if (number < min || number > max) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got: " + value);
    }
    return number;
  }
}
