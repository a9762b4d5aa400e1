package dev.lambdaguice.samples.bookshop;

import java.io.IOException;

/** The shop's book supplier, an outside HTTP service. Exposed to service calls as {@code suppliers}. */
public interface SupplierService {

  /**
   * The supplier's quote for restocking the book with this ISBN, asked over HTTP during the invocation.
   *
   * @throws BookNotFoundException the shop does not sell it
   * @throws SupplierUnavailableException the supplier answered with an error, or something that is not a quote
   * @throws IOException the supplier could not be reached, or did not answer in time (a
   *     {@code DeadlineExceededException} when the invocation's time runs out)
   */
  SupplierQuote quote(String isbn) throws BookNotFoundException, SupplierUnavailableException, IOException;
}
