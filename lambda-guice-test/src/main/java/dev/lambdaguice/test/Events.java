package dev.lambdaguice.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Event fixtures: JSON files a project keeps under {@code src/test/resources/events/} (one event per file, like
 * {@code events/sqs-batch.json}), read from the class path; and files anywhere.
 */
public final class Events {

  /** The class-path folder fixtures are read from. */
  public static final String FOLDER = "events/";

  private Events() {}

  /**
   * The text of the fixture {@code name}, like {@code sqs-batch.json} (read from {@code events/sqs-batch.json} on
   * the class path).
   *
   * @throws IllegalArgumentException there is no such fixture
   */
  public static String read(String name) {
    String resource = FOLDER + name;
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = Events.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no event fixture " + name + " on the class path (put it in"
            + " src/test/resources/" + resource + ")");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read event fixture " + name, e);
    }
  }

  /**
   * The text of an event file.
   *
   * @throws IllegalArgumentException there is no such file
   */
  public static String file(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no event file " + file.toAbsolutePath(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read event file " + file.toAbsolutePath(), e);
    }
  }
}
