package dev.lambdaguice.samples.bookshop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Event samples from outside the repo, for the opt-in tests tagged {@value #TAG}: the folder named by the system
 * property {@value #PROPERTY}, which {@code mvn verify -Dlambdaguice.sharedEvents=<folder>} passes (a relative path
 * is taken from the project root). Without the property those tests do not run; run anyway, or with a folder that
 * is not there, they fail and say why. They never skip.
 */
final class SharedEvents {

  static final String TAG = "shared-events";
  static final String PROPERTY = "lambdaguice.sharedEvents";

  private SharedEvents() {}

  /** The samples folder; fails the test when the property is missing or names no folder. */
  static Path dir() {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Tests tagged " + TAG + " need -D" + PROPERTY + "=<folder of event samples>");
    }
    Path dir = Path.of(System.getProperty("lambdaguice.projectRoot", "")).resolve(value).normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("-D" + PROPERTY + " names " + dir.toAbsolutePath()
          + ", which is not a folder; give the folder that holds the samples (like aws-lambda-go/sqs-event.json),"
          + " or leave the property out to run without the " + TAG + " tests");
    }
    return dir;
  }

  /** The sample at {@code path} in the folder, like {@code aws-lambda-go/sqs-event.json}. */
  static String read(String path) {
    Path file = dir().resolve(path);
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("no event sample " + path + " in " + file.getParent(), e);
    }
  }
}
