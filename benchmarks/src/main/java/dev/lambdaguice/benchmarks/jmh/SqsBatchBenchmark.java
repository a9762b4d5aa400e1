package dev.lambdaguice.benchmarks.jmh;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.inject.AbstractModule;
import dev.lambdaguice.handlers.sqs.SqsBatchResponse;
import dev.lambdaguice.handlers.sqs.SqsEvent;
import dev.lambdaguice.handlers.sqs.SqsHandlers;
import dev.lambdaguice.handlers.sqs.SqsMessage;
import dev.lambdaguice.runtime.guice.InvocationPath;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A batch of {@value #RECORDS} SQS records through the batch handlers {@link SqsHandlers#bind} creates, reported per
 * record. The record handlers are trivial ({@link StringBodyHandler}, {@link ProductBodyHandler}):
 * <ul>
 *   <li>{@code *Direct}: the record handler called once per record with bodies and messages built beforehand (the
 *       baseline); {@code productDirectGson} also reads each body with Gson, as the batch handler must;
 *   <li>{@code *Batch*}: the batch handler, as the runtime selected it, from the parsed event (the
 *       {@code JsonElement} it receives) to the batch response: checking and reading the records, reading each
 *       body, calling the record handler, collecting failures. The SQS target (under 5 µs per record beyond the
 *       method) applies to {@code *Batch - *Direct}. {@code Fifo}: a FIFO batch in {@value #FIFO_GROUPS} message
 *       groups (Lambda sends FIFO batches of at most 10 records; 10,000 here give the per-record cost);
 *       {@code Parallel}: the handler bound with {@code parallelism(2)};
 *   <li>{@code productInvocation}: the runtime's whole in-process path, event bytes (about 6 MB) to response bytes.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@OperationsPerInvocation(SqsBatchBenchmark.RECORDS)
@State(Scope.Benchmark)
public class SqsBatchBenchmark {

  static final int RECORDS = 10_000;
  static final int FIFO_GROUPS = 100;

  /** Binds the benchmark's handlers; the record handlers get the benchmark's {@link Blackhole}. */
  static final class BatchModule extends AbstractModule {
    private final Blackhole sink;

    BatchModule(Blackhole sink) {
      this.sink = sink;
    }

    @Override
    protected void configure() {
      bind(Blackhole.class).toInstance(sink);
      SqsHandlers.bind(binder(), "strings").to(StringBodyHandler.class);
      SqsHandlers.bind(binder(), "products").to(ProductBodyHandler.class);
      SqsHandlers.bind(binder(), "products-parallel").parallelism(2).to(ProductBodyHandler.class);
    }
  }

  private LambdaContext context;
  private LambdaHandler<Object, Object> strings;
  private LambdaHandler<Object, Object> products;
  private LambdaHandler<Object, Object> productsParallel;
  private InvocationPath productsPath;

  private JsonObject standard;
  private JsonObject fifo;
  private byte[] standardBytes;

  private Gson gson;
  private StringBodyHandler stringHandler;
  private ProductBodyHandler productHandler;
  private SqsMessage[] messages;
  private String[] bodies;
  private Product[] productBodies;

  @Setup
  public void setUp(Blackhole sink) throws Exception {
    productsPath = InvocationPath.create("products", new BatchModule(sink));
    products = productsPath.handler();
    strings = productsPath.select("strings").handler();
    productsParallel = productsPath.select("products-parallel").handler();
    context = productsPath.context();
    gson = productsPath.injector().getInstance(Gson.class);
    stringHandler = productsPath.injector().getInstance(StringBodyHandler.class);
    productHandler = productsPath.injector().getInstance(ProductBodyHandler.class);

    standard = SqsBatches.standard(RECORDS);
    fifo = SqsBatches.fifo(RECORDS, FIFO_GROUPS);
    standardBytes = gson.toJson(standard).getBytes(StandardCharsets.UTF_8);
    List<SqsMessage> records = gson.fromJson(standard, SqsEvent.class).records();
    messages = records.toArray(SqsMessage[]::new);
    bodies = records.stream().map(SqsMessage::body).toArray(String[]::new);
    productBodies = records.stream().map(m -> gson.fromJson(m.body(), Product.class)).toArray(Product[]::new);

    for (Object response : List.of(stringBatch(), productBatch(), productBatchFifo(), productBatchParallel(),
        productBatchFifoParallel())) {
      if (!((SqsBatchResponse) response).batchItemFailures().isEmpty()) {
        throw new IllegalStateException("a benchmark batch had failures: " + response);
      }
    }
    String response = new String(productInvocation(), StandardCharsets.UTF_8);
    if (!response.equals("{\"batchItemFailures\":[]}")) {
      throw new IllegalStateException("unexpected response " + response);
    }
  }

  @Benchmark
  public void stringDirect() throws Exception {
    for (int i = 0; i < RECORDS; i++) {
      stringHandler.handle(bodies[i], messages[i], context);
    }
  }

  @Benchmark
  public Object stringBatch() throws Exception {
    return strings.handle(standard, context);
  }

  @Benchmark
  public void productDirect() throws Exception {
    for (int i = 0; i < RECORDS; i++) {
      productHandler.handle(productBodies[i], messages[i], context);
    }
  }

  @Benchmark
  public void productDirectGson() throws Exception {
    for (int i = 0; i < RECORDS; i++) {
      productHandler.handle(gson.fromJson(bodies[i], Product.class), messages[i], context);
    }
  }

  @Benchmark
  public Object productBatch() throws Exception {
    return products.handle(standard, context);
  }

  @Benchmark
  public Object productBatchFifo() throws Exception {
    return products.handle(fifo, context);
  }

  @Benchmark
  public Object productBatchParallel() throws Exception {
    return productsParallel.handle(standard, context);
  }

  @Benchmark
  public Object productBatchFifoParallel() throws Exception {
    return productsParallel.handle(fifo, context);
  }

  @Benchmark
  public byte[] productInvocation() throws Exception {
    return productsPath.invoke(standardBytes);
  }
}
