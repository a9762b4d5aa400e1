package dev.lambdaguice.handlers.servicecall;

/** Fixture: a service whose argument only the application's Gson can read. */
public final class MoneyService {

  public Money parse(Money money) {
    return money;
  }

  public String currency(Money money) {
    return money.currency();
  }
}
