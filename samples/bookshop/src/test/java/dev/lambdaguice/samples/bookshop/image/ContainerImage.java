package dev.lambdaguice.samples.bookshop.image;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An image from a {@code docker save} tar (what {@code jib:buildTar} writes), unpacked: its layers applied in order
 * to one root file system, and the parts of its config that say how to run it (and its labels).
 */
public record ContainerImage(Path rootfs, List<String> entrypoint, List<String> cmd, Map<String, String> env,
    String workingDir, Map<String, String> labels) {

  /** Unpacks {@code imageTar} into {@code directory} (which must be empty or missing). */
  public static ContainerImage unpack(Path imageTar, Path directory) throws IOException, InterruptedException {
    Path archive = directory.resolve("archive");
    Path rootfs = directory.resolve("rootfs");
    Files.createDirectories(archive);
    Files.createDirectories(rootfs);
    Tar.extract(imageTar, archive, false);
    JsonObject manifest = JsonParser.parseString(read(archive.resolve("manifest.json"))).getAsJsonArray()
        .get(0).getAsJsonObject();
    for (JsonElement layer : manifest.getAsJsonArray("Layers")) {
      Tar.extract(archive.resolve(layer.getAsString()), rootfs, true);
    }
    JsonObject config = JsonParser.parseString(read(archive.resolve(manifest.get("Config").getAsString())))
        .getAsJsonObject().getAsJsonObject("config");
    Map<String, String> env = new LinkedHashMap<>();
    for (String variable : strings(config.getAsJsonArray("Env"))) {
      int split = variable.indexOf('=');
      env.put(variable.substring(0, split), variable.substring(split + 1));
    }
    String workingDir = config.has("WorkingDir") ? config.get("WorkingDir").getAsString() : "/";
    Map<String, String> labels = new LinkedHashMap<>();
    if (config.has("Labels") && config.get("Labels").isJsonObject()) {
      config.getAsJsonObject("Labels").entrySet().forEach(e -> labels.put(e.getKey(), e.getValue().getAsString()));
    }
    return new ContainerImage(rootfs, strings(config.getAsJsonArray("Entrypoint")),
        strings(config.getAsJsonArray("Cmd")), Map.copyOf(env), workingDir.isEmpty() ? "/" : workingDir,
        Map.copyOf(labels));
  }

  /** This image with {@code flags} put right after the Entrypoint's first word (the {@code java} binary). */
  public ContainerImage withJvmFlags(List<String> flags) {
    List<String> command = new ArrayList<>(entrypoint);
    command.addAll(1, flags);
    return new ContainerImage(rootfs, List.copyOf(command), cmd, env, workingDir, labels);
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
