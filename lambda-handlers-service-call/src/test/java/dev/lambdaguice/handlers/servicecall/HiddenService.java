package dev.lambdaguice.handlers.servicecall;

/** Fixture: a package-private service, which cannot be exposed. */
final class HiddenService {

  /** Public, but inside a package-private class: cannot be exposed either. */
  public static final class Inner {
    public String hello() {
      return "hello";
    }
  }

  public String hello() {
    return "hello";
  }
}
