package dev.lambdaguice.handlers.servicecall;

import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import com.google.inject.AbstractModule;
import dev.lambdaguice.runtime.guice.LambdaHandlers;
import java.io.IOException;

/** Fixture: exposes {@link OddTypesService}, with a Gson whose Integer adapter answers strings. */
public final class OddTypesModule extends AbstractModule {

  @Override
  protected void configure() {
    install(new ServiceCallModule());
    LambdaHandlers.gson(binder()).toInstance(new GsonBuilder().registerTypeAdapter(Integer.class, new Broken())
        .create());
    ServiceCalls.expose(binder(), OddTypesService.class, "odd");
  }

  /** Reads any value as a String, whatever type it is registered for. */
  private static final class Broken extends TypeAdapter<Object> {
    @Override
    public void write(JsonWriter out, Object value) throws IOException {
      out.value(String.valueOf(value));
    }

    @Override
    public Object read(JsonReader in) throws IOException {
      in.skipValue();
      return "not an integer";
    }
  }
}
