package dev.lambdaguice.runtime.guice;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.multibindings.OptionalBinder;

/**
 * What the runtime binds itself: the handler maps (possibly empty), the default Gson, the function's info, the
 * {@link InvocationScoped} scope and the current invocation's {@link LambdaContext}.
 */
final class RuntimeModule extends AbstractModule {

  private final FunctionInfo function;
  private final InvocationScope scope;

  RuntimeModule(FunctionInfo function, InvocationScope scope) {
    this.function = function;
    this.scope = scope;
  }

  @Override
  protected void configure() {
    LambdaHandlers.handlers(binder());
    LambdaHandlers.streamingHandlers(binder());
    OptionalBinder.newOptionalBinder(binder(), Gson.class)
        .setDefault()
        .toInstance(new GsonBuilder().disableHtmlEscaping().create());
    bind(FunctionInfo.class).toInstance(function);
    bindScope(InvocationScoped.class, scope);
    bind(InvocationScope.class).toInstance(scope);
    bind(LambdaContext.class).toProvider(new CurrentContext(scope));
  }

  /** The context of the invocation the asking thread serves; outside one, an {@code OutOfScopeException}. */
  private static final class CurrentContext implements Provider<LambdaContext> {
    private final InvocationScope scope;

    CurrentContext(InvocationScope scope) {
      this.scope = scope;
    }

    @Override
    public LambdaContext get() {
      return scope.context();
    }

    @Override
    public String toString() {
      return "the current invocation's LambdaContext";
    }
  }
}
