package dev.lambdaguice.runtime.guice;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;

/** What the runtime binds itself: the handler map (possibly empty), the default Gson, the function's info. */
final class RuntimeModule extends AbstractModule {

  private final FunctionInfo function;

  RuntimeModule(FunctionInfo function) {
    this.function = function;
  }

  @Override
  protected void configure() {
    LambdaHandlers.handlers(binder());
    OptionalBinder.newOptionalBinder(binder(), Gson.class)
        .setDefault()
        .toInstance(new GsonBuilder().disableHtmlEscaping().create());
    bind(FunctionInfo.class).toInstance(function);
  }
}
