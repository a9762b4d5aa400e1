/** Benchmarks of lambda-guice: see {@code benchmarks/RESULTS.md}. Not part of the product. */
package dev.lambdaguice.benchmarks;
