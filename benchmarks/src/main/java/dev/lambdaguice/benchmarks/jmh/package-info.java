/**
 * JMH benchmarks of response streaming ({@link dev.lambdaguice.benchmarks.jmh.StreamingBenchmark}, bytes/s of a
 * 50 MiB body against the floor of a plain socket), service-call dispatch
 * ({@link dev.lambdaguice.benchmarks.jmh.ServiceCallBenchmark}, per call) and SQS batches ({@link dev.lambdaguice.benchmarks.jmh.SqsBatchBenchmark}, per record of a 10,000-record batch),
 * each against a baseline calling the same method directly. Run with {@code benchmarks/run-jmh.sh}; results in
 * {@code benchmarks/RESULTS-jmh.md}.
 */
package dev.lambdaguice.benchmarks.jmh;
