package dev.lambdaguice.samples.bookshop;

import okhttp3.HttpUrl;

/**
 * Where the supplier's HTTP API is: {@code SUPPLIER_API_URL} from the function's environment, unless a module
 * binds another (tests do).
 *
 * @param baseUrl the API's base URL, or null when none is configured
 */
public record SupplierApi(HttpUrl baseUrl) {

  /** The environment variable naming the supplier API's base URL. */
  public static final String VARIABLE = "SUPPLIER_API_URL";

  /** From the process environment; no URL when the variable is unset or not a URL. */
  static SupplierApi fromEnvironment() {
    String url = System.getenv(VARIABLE);
    return new SupplierApi(url == null ? null : HttpUrl.parse(url));
  }
}
