package dev.lambdaguice.samples.bookshop;

import java.util.List;
import java.util.Map;

/** What a fresh execution environment starts with: the catalog's books and the stock of each. */
final class SeedData {

  static final List<Book> BOOKS = List.of(
      new Book("9780134685991", "Effective Java", "Joshua Bloch", 2018, 4499),
      new Book("9780321349606", "Java Concurrency in Practice", "Brian Goetz", 2006, 5499),
      new Book("9780132350884", "Clean Code", "Robert C. Martin", 2008, 3999),
      new Book("9780135957059", "The Pragmatic Programmer", "David Thomas, Andrew Hunt", 2019, 4999),
      new Book("9780321125217", "Domain-Driven Design", "Eric Evans", 2003, 5999),
      new Book("9780134757599", "Refactoring", "Martin Fowler", 2018, 4799),
      new Book("9781449373320", "Designing Data-Intensive Applications", "Martin Kleppmann", 2017, 4599));

  /** Copies in stock per ISBN; Domain-Driven Design is sold out. */
  static final Map<String, Integer> STOCK = Map.of(
      "9780134685991", 10,
      "9780321349606", 5,
      "9780132350884", 7,
      "9780135957059", 4,
      "9780321125217", 0,
      "9780134757599", 3,
      "9781449373320", 2);

  private SeedData() {}
}
