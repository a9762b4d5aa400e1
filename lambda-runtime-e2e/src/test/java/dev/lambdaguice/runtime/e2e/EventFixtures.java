package dev.lambdaguice.runtime.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real AWS event payloads from {@code ../shared/events/}. */
final class Events {

  private static final Path DIR = Path.of(System.getProperty("lambdaguice.sharedEvents", "../../shared/events"));

  private Events() {}

  /** The event at {@code path}, relative to the shared events folder, e.g. {@code aws-sam-cli/Sqs.json}. */
  static String read(String path) {
    try {
      return Files.readString(DIR.resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException("shared event " + path + " not found under " + DIR.toAbsolutePath(), e);
    }
  }
}
