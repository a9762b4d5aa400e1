package dev.lambdaguice.runtime.local;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The class path a runtime process needs to load what this JVM loaded the application from: the JVM's own class
 * path, or, when the application was loaded by a class loader of its own (as {@code mvn exec:java} does, whose JVM
 * class path is Maven's), that loader's files.
 */
final class ApplicationClassPath {

  private ApplicationClassPath() {}

  /** The class path that loads what {@code loader} loads. */
  static String of(ClassLoader loader) {
    if (loader instanceof URLClassLoader urls && loader != ClassLoader.getSystemClassLoader()) {
      List<String> entries = new ArrayList<>();
      for (URL url : urls.getURLs()) {
        if ("file".equals(url.getProtocol())) {
          try {
            entries.add(Path.of(url.toURI()).toString());
          } catch (URISyntaxException | IllegalArgumentException e) {
            // not a local file: a runtime process could not load from it anyway
          }
        }
      }
      if (!entries.isEmpty()) {
        return String.join(File.pathSeparator, entries);
      }
    }
    return System.getProperty("java.class.path");
  }
}
