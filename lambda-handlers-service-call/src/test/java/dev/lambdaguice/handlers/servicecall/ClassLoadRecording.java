package dev.lambdaguice.handlers.servicecall;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordingFile;

/** Records, with Flight Recorder, which classes this JVM loads while it runs. */
final class ClassLoadRecording implements AutoCloseable {

  private final Recording recording = new Recording();

  ClassLoadRecording() {
    recording.enable("jdk.ClassLoad").withoutStackTrace();
    recording.start();
  }

  /** Stops recording; the names of the classes loaded since the start. */
  Set<String> stop() throws IOException {
    recording.stop();
    Path file = Files.createTempFile("class-loads", ".jfr");
    try {
      recording.dump(file);
      return RecordingFile.readAllEvents(file).stream()
          .filter(event -> event.getEventType().getName().equals("jdk.ClassLoad"))
          .map(event -> event.<RecordedClass>getValue("loadedClass"))
          .map(RecordedClass::getName)
          .collect(Collectors.toSet());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Override
  public void close() {
    recording.close();
  }
}
