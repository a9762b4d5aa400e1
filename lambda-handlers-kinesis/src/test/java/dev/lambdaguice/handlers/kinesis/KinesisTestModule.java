package dev.lambdaguice.handlers.kinesis;

import com.google.gson.JsonElement;
import com.google.inject.AbstractModule;
import dev.lambdaguice.runtime.guice.LambdaContext;

/**
 * The test keys, each journaling its calls: {@code clicks} ({@link Click}; fails for the page {@code /fail}),
 * {@code text} (scripted by the data: {@code fail...} throws, {@code error...} throws an OutOfMemoryError,
 * {@code hostile...} throws an exception whose message cannot be read, {@code interrupt...} leaves its thread
 * interrupted, {@code check-interrupt...} fails if its thread is interrupted), {@code bytes}, {@code tree}.
 */
public final class KinesisTestModule extends AbstractModule {

  /** A click, as the producer put it on the stream. */
  public record Click(int id, String page) {}

  @Override
  protected void configure() {
    KinesisHandlers.bind(binder(), "clicks").to(ClickHandler.class);
    KinesisHandlers.bind(binder(), "text").to(TextHandler.class);
    KinesisHandlers.bind(binder(), "bytes").to(BytesHandler.class);
    KinesisHandlers.bind(binder(), "tree").to(TreeHandler.class);
  }

  static final class ClickHandler implements KinesisRecordHandler<Click> {
    @Override
    public void handle(Click click, KinesisRecord record, LambdaContext context) {
      Journal.add(context.requestId(), record, click);
      if (click.page().equals("/fail")) {
        throw new IllegalArgumentException("no such page");
      }
    }
  }

  static final class TextHandler implements KinesisRecordHandler<String> {

    /** An exception that fails when it is reported. */
    static final class HostileException extends RuntimeException {
      private static final long serialVersionUID = 1L;

      @Override
      public String getMessage() {
        throw new IllegalStateException("no message for you");
      }
    }

    @Override
    public void handle(String text, KinesisRecord record, LambdaContext context) {
      Journal.add(context.requestId(), record, text);
      if (text.startsWith("fail")) {
        throw new IllegalStateException("scripted failure");
      } else if (text.startsWith("error")) {
        throw new OutOfMemoryError("scripted error");
      } else if (text.startsWith("hostile")) {
        throw new HostileException();
      } else if (text.startsWith("interrupt")) {
        Thread.currentThread().interrupt();
      } else if (text.startsWith("check-interrupt") && Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("interrupted on arrival");
      }
    }
  }

  static final class BytesHandler implements KinesisRecordHandler<byte[]> {
    @Override
    public void handle(byte[] data, KinesisRecord record, LambdaContext context) {
      Journal.add(context.requestId(), record, data);
    }
  }

  static final class TreeHandler implements KinesisRecordHandler<JsonElement> {
    @Override
    public void handle(JsonElement data, KinesisRecord record, LambdaContext context) {
      Journal.add(context.requestId(), record, data);
    }
  }
}
