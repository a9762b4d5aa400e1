package dev.lambdaguice.handlers.eventbridge;

/** A route: events of this {@code source} and {@code detailType}. */
record RouteKey(String source, String detailType) {

  @Override
  public String toString() {
    return "source '" + source + "', detail-type '" + detailType + "'";
  }
}
