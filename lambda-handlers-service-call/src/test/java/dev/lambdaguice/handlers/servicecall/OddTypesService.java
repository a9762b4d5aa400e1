package dev.lambdaguice.handlers.servicecall;

import java.time.Duration;

/** Fixture: parameters that the default Gson cannot read, or that a broken adapter reads as the wrong type. */
public final class OddTypesService {

  public long seconds(Duration duration) {
    return duration.getSeconds();
  }

  public Integer number(Integer value) {
    return value;
  }

  public String echo(String value) {
    return value;
  }
}
