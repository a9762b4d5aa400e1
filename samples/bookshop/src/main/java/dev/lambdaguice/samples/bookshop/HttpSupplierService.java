package dev.lambdaguice.samples.bookshop;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import jakarta.inject.Inject;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Asks the supplier's API, {@code GET <SUPPLIER_API_URL>/quotes/<isbn>}, with the shared client of
 * {@code lambda-http-client}: the call ends before the invocation's deadline and carries its trace header.
 * Thread-safe (the client is).
 */
final class HttpSupplierService implements SupplierService {

  private final OkHttpClient client;
  private final Gson gson;
  private final CatalogService catalog;
  private final SupplierApi api;

  @Inject
  HttpSupplierService(OkHttpClient client, Gson gson, CatalogService catalog, SupplierApi api) {
    this.client = client;
    this.gson = gson;
    this.catalog = catalog;
    this.api = api;
  }

  @Override
  public SupplierQuote quote(String isbn) throws BookNotFoundException, SupplierUnavailableException, IOException {
    catalog.get(isbn); // only books the shop sells
    if (api.baseUrl() == null) {
      throw new IllegalStateException(SupplierApi.VARIABLE + " is not set to the supplier API's base URL");
    }
    HttpUrl url = api.baseUrl().newBuilder().addPathSegment("quotes").addPathSegment(isbn).build();
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      if (!response.isSuccessful()) {
        throw new SupplierUnavailableException("The supplier answered " + response.code() + " for " + isbn);
      }
      SupplierQuote quote = gson.fromJson(response.body().string(), SupplierQuote.class);
      if (quote == null || !isbn.equals(quote.isbn())) {
        throw new SupplierUnavailableException("The supplier's answer for " + isbn + " is not a quote for it");
      }
      return quote;
    } catch (JsonParseException e) {
      throw new SupplierUnavailableException("The supplier's answer for " + isbn + " is not JSON");
    }
  }
}
