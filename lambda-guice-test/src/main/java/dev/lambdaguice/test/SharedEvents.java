package dev.lambdaguice.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Event samples kept outside the project, for opt-in tests tagged {@value #TAG}: the folder named by the system
 * property {@value #PROPERTY} ({@code mvn verify -Dlambdaguice.sharedEvents=<folder>}; a relative path is taken
 * from the folder in the property {@value #ROOT_PROPERTY}, else the working directory). Without the property such
 * tests should not run (exclude the tag by default); run anyway, or with a folder that is not there, they fail
 * and say why. They never skip.
 */
public final class SharedEvents {

  /** The JUnit tag of tests that read shared event samples. */
  public static final String TAG = "shared-events";
  /** The system property naming the samples folder. */
  public static final String PROPERTY = "lambdaguice.sharedEvents";
  /** The system property naming the folder a relative {@value #PROPERTY} is taken from. */
  public static final String ROOT_PROPERTY = "lambdaguice.projectRoot";

  private SharedEvents() {}

  /** The samples folder; fails when the property is missing or names no folder. */
  public static Path dir() {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Tests tagged " + TAG + " need -D" + PROPERTY + "=<folder of event samples>");
    }
    Path dir = Path.of(System.getProperty(ROOT_PROPERTY, "")).resolve(value).normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("-D" + PROPERTY + " names " + dir.toAbsolutePath()
          + ", which is not a folder; give the folder that holds the samples (like aws-lambda-go/sqs-event.json),"
          + " or leave the property out to run without the " + TAG + " tests");
    }
    return dir;
  }

  /** The sample at {@code path} in the folder, like {@code aws-lambda-go/sqs-event.json}. */
  public static String read(String path) {
    Path file = dir().resolve(path);
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("no event sample " + path + " in " + file.getParent(), e);
    }
  }
}
