package dev.lambdaguice.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container image's own Entrypoint, run the way Lambda runs a function's image, without a container engine: with
 * {@code unshare} and {@code mount} (util-linux) in private mount, PID, IPC and UTS namespaces, the image's root
 * file system read-only with {@code /proc}, {@code /dev}, {@code /sys} (so the JVM finds its cgroup's limits, as
 * it finds the machine's size on Lambda) and an empty writable {@code /tmp}, changed root into it, from its
 * WorkingDir, with the image's Env plus the Lambda environment (Lambda's variables win; the image keeps its own
 * {@code LAMBDA_GUICE_MODULES}). The network is the host's, so loopback reaches the bench server. Needs root.
 *
 * <p>The JVM is a descendant of the started process (unshare forks), so the harness finds it by its command. Run
 * flags go right after the Entrypoint's first word (the image's own {@code java}); {@code --java} does not apply.
 *
 * @param image the unpacked image
 * @param key the Cmd: lambda-guice's handler key (Lambda's {@code ImageConfig.Command})
 * @param flags JVM flags for this runtime only
 */
public record ImageRuntime(ContainerImage image, String key, List<String> flags) implements MeasuredRuntime {

  /** The runtime's name. */
  public static final String NAME = "image";

  /** Runs as PID 1 of the new namespaces: mounts, then changes root and execs the command after {@code --}. */
  private static final String SETUP = String.join("\n",
      "set -e",
      "root=$1; workdir=$2; shift 3",
      "mount --bind \"$root\" \"$root\"",
      "mount -t proc proc \"$root/proc\"",
      "mount --rbind /dev \"$root/dev\"",
      "mount --rbind /sys \"$root/sys\"",
      "mount -t tmpfs -o mode=1777 tmpfs \"$root/tmp\"",
      "mount -o remount,bind,ro \"$root\"",
      "exec unshare --root=\"$root\" --wd=\"$workdir\" \"$@\"");

  /** Unpacks the image tar {@code tar} into a new temporary directory ({@link ContainerImage#delete} removes it). */
  public static ImageRuntime unpack(Path tar, String key, List<String> flags) throws IOException, InterruptedException {
    ContainerImage image = ContainerImage.unpack(tar, Files.createTempDirectory("bench-image"));
    for (String mountPoint : List.of("proc", "dev", "sys", "tmp")) {
      Files.createDirectories(image.rootfs().resolve(mountPoint));
    }
    return new ImageRuntime(image, key, List.copyOf(flags));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> command(String java, List<String> jvmFlags) {
    List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--ipc", "--uts", "--fork",
        "--kill-child", "/bin/sh", "-c", SETUP, "image-sandbox", image.rootfs().toString(), image.workingDir(),
        "--"));
    List<String> entrypoint = image.entrypoint();
    command.add(entrypoint.get(0));
    command.addAll(jvmFlags);
    command.addAll(flags);
    command.addAll(entrypoint.subList(1, entrypoint.size()));
    command.add(key);
    return command;
  }

  @Override
  public Map<String, String> environment(Map<String, String> lambda) {
    Map<String, String> env = new LinkedHashMap<>(image.env());
    lambda.forEach((name, value) -> {
      if (!name.equals("LAMBDA_GUICE_MODULES") && !name.equals("PATH")) {
        env.put(name, value);
      }
    });
    env.put("_HANDLER", key);
    env.put("LAMBDA_TASK_ROOT", "/var/task");
    env.putIfAbsent("PATH", lambda.get("PATH"));
    return env;
  }
}
