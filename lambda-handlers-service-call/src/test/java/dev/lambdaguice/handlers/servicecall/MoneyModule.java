package dev.lambdaguice.handlers.servicecall;

import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import com.google.inject.AbstractModule;
import dev.lambdaguice.runtime.guice.LambdaHandlers;
import java.io.IOException;
import java.math.BigDecimal;

/** Fixture: replaces the Gson with one that reads {@link Money} from text, and exposes {@link MoneyService}. */
public final class MoneyModule extends AbstractModule {

  @Override
  protected void configure() {
    LambdaHandlers.gson(binder()).toInstance(new GsonBuilder().registerTypeAdapter(Money.class, new MoneyAdapter())
        .create());
    ServiceCalls.expose(binder(), MoneyService.class, "money");
  }

  private static final class MoneyAdapter extends TypeAdapter<Money> {
    @Override
    public void write(JsonWriter out, Money money) throws IOException {
      out.value(BigDecimal.valueOf(money.cents(), 2) + " " + money.currency());
    }

    @Override
    public Money read(JsonReader in) throws IOException {
      String[] parts = in.nextString().split(" ");
      return new Money(new BigDecimal(parts[0]).movePointRight(2).longValueExact(), parts[1]);
    }
  }
}
