package dev.lambdaguice.benchmarks.harness;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A container image from a {@code docker save} tar (what Jib's {@code jib:buildTar} writes), unpacked with the
 * system's {@code tar}: its layers applied in order to one root file system (file times kept, which a class-data
 * archive checks), and the parts of its config that say how to run it.
 *
 * @param rootfs the unpacked root file system
 * @param entrypoint the config's Entrypoint
 * @param cmd the config's Cmd
 * @param env the config's Env
 * @param workingDir the config's WorkingDir ({@code /} if none)
 */
public record ContainerImage(Path rootfs, List<String> entrypoint, List<String> cmd, Map<String, String> env,
    String workingDir) {

  /** Unpacks {@code imageTar} into {@code directory} (which must be empty or missing). */
  public static ContainerImage unpack(Path imageTar, Path directory) throws IOException, InterruptedException {
    Path archive = Files.createDirectories(directory.resolve("archive"));
    Path rootfs = Files.createDirectories(directory.resolve("rootfs"));
    extract(imageTar, archive);
    JsonObject manifest = JsonParser.parseString(read(archive.resolve("manifest.json"))).getAsJsonArray()
        .get(0).getAsJsonObject();
    for (var layer : manifest.getAsJsonArray("Layers")) {
      extract(archive.resolve(layer.getAsString()), rootfs);
    }
    JsonObject config = JsonParser.parseString(read(archive.resolve(manifest.get("Config").getAsString())))
        .getAsJsonObject().getAsJsonObject("config");
    Map<String, String> env = new LinkedHashMap<>();
    for (String variable : strings(config.getAsJsonArray("Env"))) {
      int split = variable.indexOf('=');
      env.put(variable.substring(0, split), variable.substring(split + 1));
    }
    String workingDir = config.has("WorkingDir") ? config.get("WorkingDir").getAsString() : "";
    return new ContainerImage(rootfs, strings(config.getAsJsonArray("Entrypoint")),
        strings(config.getAsJsonArray("Cmd")), Map.copyOf(env), workingDir.isEmpty() ? "/" : workingDir);
  }

  /** Removes the unpacked image: the directory {@link #unpack} was given. */
  public void delete() throws IOException {
    try (Stream<Path> paths = Files.walk(rootfs.getParent())) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static void extract(Path tar, Path into) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("tar", "--warning=no-unknown-keyword", "--no-same-owner", "-C",
        into.toString(), "-xf", tar.toString()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException("tar failed on " + tar + ": " + output);
    }
  }

  private static List<String> strings(JsonArray array) {
    List<String> strings = new ArrayList<>();
    if (array != null) {
      array.forEach(e -> strings.add(e.getAsString()));
    }
    return List.copyOf(strings);
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
