package dev.lambdaguice.runtime.guice;

import com.google.gson.Gson;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The runtime's work for one invocation, without the Runtime API: the selected handler's event reader (bytes to
 * event), the handler, and the response writer (result to bytes), inside the invocation scope, as
 * {@code InvocationLoop} runs them, on an
 * injector created as {@code LambdaRuntime} creates it. Benchmarks only; it lives in the runtime's package because
 * those parts are package-private.
 */
public final class InvocationPath {

  private final Injector injector;
  private final InvocationScope scope;
  private final BoundHandler handler;
  private final ResponseWriter writer;
  private final LambdaContext context;

  /** {@code handler} may be null only on the way to {@link #select}. */
  private InvocationPath(Injector injector, InvocationScope scope, BoundHandler handler) {
    this.injector = injector;
    this.scope = scope;
    this.handler = handler;
    this.writer = new ResponseWriter(injector.getInstance(Gson.class));
    this.context = new LambdaContext("bench-request", Long.MAX_VALUE,
        "arn:aws:lambda:eu-west-1:123456789012:function:bench", null, null, null, null, null,
        FunctionInfo.from(Map.of()));
  }

  /** An injector of {@code modules} and the runtime's own module, in {@link Stage#PRODUCTION}, serving {@code key}. */
  public static InvocationPath create(String key, Module... modules) {
    List<Module> all = new ArrayList<>(List.of(modules));
    InvocationScope scope = new InvocationScope(true);
    all.add(new RuntimeModule(FunctionInfo.from(Map.of()), scope));
    Injector injector = Guice.createInjector(Stage.PRODUCTION, all);
    return new InvocationPath(injector, scope, null).select(key);
  }

  /** The handler bound under {@code key} in the same injector, selected as the runtime selects it. */
  public InvocationPath select(String key) {
    try {
      return new InvocationPath(injector, scope, BoundHandler.select(injector, key));
    } catch (InitException e) {
      throw new IllegalStateException(e.errorType() + ": " + e.getMessage(), e);
    }
  }

  public Injector injector() {
    return injector;
  }

  /** The handler bound under the key, as the runtime selected it at init. */
  public LambdaHandler<Object, Object> handler() {
    return handler.handler();
  }

  /** One context for every invocation (the runtime builds one per invocation from its headers). */
  public LambdaContext context() {
    return context;
  }

  /** Reads {@code payload} as the handler's event type, handles it and writes the result: the response body's bytes. */
  public byte[] invoke(byte[] payload) throws Exception {
    scope.enter(context.requestId()).context(context);
    try {
      Object event = handler.reader().read(payload);
      Object result = handler.handler().handle(event, context);
      ResponseWriter.Response response = writer.write(result);
      byte[] body = response.body(); // the writer's buffer may be longer than the response, as the loop knows
      return body.length == response.length() ? body : Arrays.copyOf(body, response.length());
    } finally {
      scope.exit();
    }
  }
}
