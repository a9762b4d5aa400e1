package dev.lambdaguice.handlers.sqs;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.GsonBuilder;
import com.google.inject.AbstractModule;
import dev.lambdaguice.runtime.guice.LambdaHandlers;

/**
 * Key {@code orders}, with an application Gson using upper camel case names: bodies are read with it
 * ({@code {"Id":1,"Name":"x","Price":2}}), while the batch response must keep Lambda's names.
 */
public final class CustomGsonModule extends AbstractModule {

  @Override
  protected void configure() {
    LambdaHandlers.gson(binder()).toInstance(new GsonBuilder()
        .setFieldNamingPolicy(FieldNamingPolicy.UPPER_CAMEL_CASE)
        .create());
    SqsHandlers.bind(binder(), "orders").to(OrderHandler.class);
  }
}
