package dev.lambdaguice.benchmarks.jmh;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.inject.AbstractModule;
import dev.lambdaguice.benchmarks.jmh.CatalogService.Book;
import dev.lambdaguice.benchmarks.jmh.CatalogService.Quote;
import dev.lambdaguice.benchmarks.jmh.CatalogService.QuoteRequest;
import dev.lambdaguice.handlers.servicecall.ServiceCallModule;
import dev.lambdaguice.handlers.servicecall.ServiceCalls;
import dev.lambdaguice.runtime.guice.InvocationPath;
import dev.lambdaguice.runtime.guice.LambdaContext;
import dev.lambdaguice.runtime.guice.LambdaHandler;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One service call, three ways, for three functions of {@link CatalogService} (a record argument and result, two
 * primitives, an overload chosen by the argument's JSON kind):
 * <ul>
 *   <li>{@code *Direct}: the method called on the service instance with arguments built beforehand (the baseline);
 *   <li>{@code *Handler}: the {@code service-call} handler, as the runtime selected it, from the parsed event (the
 *       {@code JsonElement} it receives) to the method's result: parsing the call, resolving the function, reading
 *       the arguments with Gson, getting the service from the injector, invoking. The dispatch target
 *       (under 1 µs beyond the method) applies to {@code *Handler - *Direct};
 *   <li>{@code *Invocation}: the runtime's whole in-process path, event bytes to response bytes: JSON parsing of
 *       the event, the handler, and writing the result as JSON (no Runtime API).
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ServiceCallBenchmark {

  /** Exposes {@link CatalogService} as {@code catalog}. */
  public static final class CatalogModule extends AbstractModule {
    @Override
    protected void configure() {
      ServiceCalls.expose(binder(), CatalogService.class, "catalog");
    }
  }

  static final String QUOTE =
      "{\"serviceName\":\"catalog\",\"function\":\"quote\",\"args\":[{\"isbn\":\"9780134685991\",\"quantity\":3,"
          + "\"currency\":\"EUR\"}]}";
  static final String TOTAL = "{\"serviceName\":\"catalog\",\"function\":\"total\",\"args\":[3,4499]}";
  static final String FIND = "{\"serviceName\":\"catalog\",\"function\":\"find\",\"args\":[\"9780134685991\"]}";

  private InvocationPath path;
  private LambdaHandler<Object, Object> handler;
  private LambdaContext context;
  private CatalogService catalog;

  private QuoteRequest quoteRequest;
  private int quantity;
  private long unitCents;
  private String isbn;

  private JsonElement quoteEvent;
  private JsonElement totalEvent;
  private JsonElement findEvent;
  private byte[] quoteBytes;
  private byte[] totalBytes;
  private byte[] findBytes;

  @Setup
  public void setUp() throws Exception {
    path = InvocationPath.create(ServiceCallModule.KEY, new ServiceCallModule(), new CatalogModule());
    handler = path.handler();
    context = path.context();
    catalog = path.injector().getInstance(CatalogService.class);
    quoteRequest = new QuoteRequest("9780134685991", 3, "EUR");
    quantity = 3;
    unitCents = 4499;
    isbn = "9780134685991";
    quoteEvent = JsonParser.parseString(QUOTE);
    totalEvent = JsonParser.parseString(TOTAL);
    findEvent = JsonParser.parseString(FIND);
    quoteBytes = QUOTE.getBytes(StandardCharsets.UTF_8);
    totalBytes = TOTAL.getBytes(StandardCharsets.UTF_8);
    findBytes = FIND.getBytes(StandardCharsets.UTF_8);
    check(quoteHandler(), quoteDirect());
    check(totalHandler(), totalDirect());
    check(findHandler(), findDirect());
    check(new String(quoteInvocation(), StandardCharsets.UTF_8),
        "{\"isbn\":\"9780134685991\",\"quantity\":3,\"totalCents\":13497,\"currency\":\"EUR\"}");
    check(new String(totalInvocation(), StandardCharsets.UTF_8), "13497");
    check(new String(findInvocation(), StandardCharsets.UTF_8),
        "{\"id\":1,\"isbn\":\"9780134685991\",\"title\":\"Effective Java\",\"priceCents\":4499}");
  }

  private static void check(Object actual, Object expected) {
    if (!Objects.equals(actual, expected)) {
      throw new IllegalStateException("expected " + expected + ", got " + actual);
    }
  }

  @Benchmark
  public Quote quoteDirect() {
    return catalog.quote(quoteRequest);
  }

  @Benchmark
  public Object quoteHandler() throws Exception {
    return handler.handle(quoteEvent, context);
  }

  @Benchmark
  public byte[] quoteInvocation() throws Exception {
    return path.invoke(quoteBytes);
  }

  @Benchmark
  public long totalDirect() {
    return catalog.total(quantity, unitCents);
  }

  @Benchmark
  public Object totalHandler() throws Exception {
    return handler.handle(totalEvent, context);
  }

  @Benchmark
  public byte[] totalInvocation() throws Exception {
    return path.invoke(totalBytes);
  }

  @Benchmark
  public Book findDirect() {
    return catalog.find(isbn);
  }

  @Benchmark
  public Object findHandler() throws Exception {
    return handler.handle(findEvent, context);
  }

  @Benchmark
  public byte[] findInvocation() throws Exception {
    return path.invoke(findBytes);
  }
}
