package dev.lambdaguice.handlers.http;

/**
 * What makes two routes of one key the same: the method and the path's shape ({@code GET /books/{}}), so that
 * {@code GET /books/{isbn}} and {@code GET /books/{id}} collide as Guice duplicate map keys.
 */
record RouteKey(String method, String shape) {

  static RouteKey of(RouteTemplate template) {
    return new RouteKey(template.method(), template.shape());
  }

  @Override
  public String toString() {
    return method + " " + shape;
  }
}
