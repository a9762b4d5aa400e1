package dev.lambdaguice.samples.bookshop.image;

import dev.lambdaguice.runtime.local.InvokeResult;
import dev.lambdaguice.runtime.local.LocalLambda;
import dev.lambdaguice.samples.bookshop.ReadmeExample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build's training run (Maven {@code package}): runs the untrained image as Lambda would, with its default Cmd,
 * serves it the README's examples for that key through the local Runtime API, and lets the JVM write a class-data
 * archive as it exits: an AppCDS dynamic archive on JDK 17 to 24, an AOT cache on JDK 25+. Writes the archive and
 * {@code jvm.args} (the flag that uses it, read by the Entrypoint as {@code @/app/cds/jvm.args}) into the output
 * directory, which the final image holds at {@code /app/cds}. The archive must come from the image's own files: the
 * JVM checks the class path and the jars' sizes and times.
 *
 * <p>Usage: {@code ImageTrainer <untrained image tar> <work dir> <output dir> <README.md>}
 */
public final class ImageTrainer {

  private static final Pattern JAVA_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

  private ImageTrainer() {}

  public static void main(String[] args) throws Exception {
    Path tar = Path.of(args[0]);
    Path work = Path.of(args[1]);
    Path out = Path.of(args[2]);
    Path readme = Path.of(args[3]);
    deleteRecursively(work);
    Files.createDirectories(work);
    ContainerImage image = ContainerImage.unpack(tar, work.resolve("image"));
    Archive archive = Archive.forRelease(Files.readString(image.rootfs().resolve("opt/java/release")));
    Path tmp = Files.createDirectories(work.resolve("tmp"));
    Path log = work.resolve("training.log");
    String key = image.cmd().get(0);
    List<ReadmeExample> examples = ReadmeExample.byKey(readme).getOrDefault(key, List.of());
    if (examples.isEmpty()) {
      throw new IllegalStateException("README.md has no example for the image's default key " + key);
    }
    long start = System.nanoTime();
    try (LocalLambda lambda = LocalLambda.start()) {
      Map<String, String> env = new LinkedHashMap<>(lambda.environment(null));
      env.put("LAMBDA_TASK_ROOT", "/var/task");
      SandboxedContainer container = SandboxedContainer.start(image.withJvmFlags(List.of(archive.trainFlag())),
          null, env, log, tmp);
      for (int round = 0; round < 20; round++) {
        for (ReadmeExample example : examples) {
          InvokeResult result = lambda.invoke(example.event());
          if (result.bodyAsString().isEmpty()) {
            throw new IllegalStateException("training: empty answer to " + example.event() + "\n" + container.output());
          }
        }
      }
      lambda.close(); // the runtime's next /next fails, it exits, and the JVM writes the archive
      if (!container.waitFor(Duration.ofSeconds(120))) {
        container.close();
        throw new IllegalStateException("training: the container did not exit\n" + container.output());
      }
    }
    Path written = tmp.resolve(archive.fileName());
    if (!Files.isRegularFile(written) || Files.size(written) == 0) {
      throw new IllegalStateException("training wrote no " + archive.fileName() + ":\n" + Files.readString(log));
    }
    Files.createDirectories(out);
    Files.copy(written, out.resolve(archive.fileName()), StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(out.resolve("jvm.args"), archive.useFlag() + "\n");
    System.out.printf("training: %s (%d KiB) from %d invocations of '%s' in %d ms; the image runs with %s%n",
        archive.fileName(), Files.size(written) / 1024, examples.size() * 20, key,
        (System.nanoTime() - start) / 1_000_000, archive.useFlag());
  }

  /** The class-data archive a JDK release supports, by its {@code release} file. */
  record Archive(String fileName, String trainFlag, String useFlag) {
    static Archive forRelease(String release) {
      Matcher version = JAVA_VERSION.matcher(release);
      if (!version.find()) {
        throw new IllegalArgumentException("no JAVA_VERSION in the image's /opt/java/release");
      }
      return Integer.parseInt(version.group(1)) >= 25
          ? new Archive("app.aot", "-XX:AOTCacheOutput=/tmp/app.aot", "-XX:AOTCache=/app/cds/app.aot")
          : new Archive("app.jsa", "-XX:ArchiveClassesAtExit=/tmp/app.jsa", "-XX:SharedArchiveFile=/app/cds/app.jsa");
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
