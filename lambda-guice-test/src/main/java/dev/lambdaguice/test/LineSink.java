package dev.lambdaguice.test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The output stream an in-process runtime logs to: cuts it into lines for {@link CapturedLogs}, and copies them to
 * {@code System.out} when asked to.
 */
final class LineSink extends OutputStream {

  private final CapturedLogs logs;
  private final boolean print;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  LineSink(CapturedLogs logs, boolean print) {
    this.logs = logs;
    this.print = print;
  }

  /** A UTF-8 print stream onto this sink. */
  PrintStream printStream() {
    return new PrintStream(this, true, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      String text = line.toString(StandardCharsets.UTF_8);
      line.reset();
      logs.add(text);
      if (print) {
        System.out.println(text);
      }
    } else {
      line.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      write(bytes[i]);
    }
  }
}
