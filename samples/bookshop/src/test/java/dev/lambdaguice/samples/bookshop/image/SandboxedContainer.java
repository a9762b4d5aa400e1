package dev.lambdaguice.samples.bookshop.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link ContainerImage} the way Lambda runs a function's image, without a container engine. With
 * {@code unshare} and {@code mount} (util-linux, on every Linux) it makes private mount, PID, IPC and UTS
 * namespaces, mounts the image's root file system read-only with {@code /proc}, {@code /dev} and a writable
 * {@code /tmp}, changes root into it, and runs the image's own Entrypoint and Cmd from its WorkingDir with only
 * the image's Env plus the Lambda environment. The network is the host's, so loopback reaches the local Runtime
 * API. Needs root, or unprivileged user namespaces (then it maps the user to root inside).
 */
public final class SandboxedContainer implements AutoCloseable {

  /** Runs as PID 1 of the new namespaces: mounts, then changes root and execs the command after {@code --}. */
  private static final String SETUP = String.join("\n",
      "set -e",
      "root=$1; workdir=$2; tmp=$3; shift 4",
      "mount --bind \"$root\" \"$root\"",
      "mount -t proc proc \"$root/proc\"",
      "mount --rbind /dev \"$root/dev\"",
      "if [ -n \"$tmp\" ]; then mount --bind \"$tmp\" \"$root/tmp\"; else mount -t tmpfs -o mode=1777 tmpfs \"$root/tmp\"; fi",
      "mount -o remount,bind,ro \"$root\"",
      "exec unshare --root=\"$root\" --wd=\"$workdir\" \"$@\"");

  private final Process process;
  private final Path log;

  private SandboxedContainer(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code image} with a fresh, empty {@code /tmp}.
   *
   * @param cmd the Cmd to run instead of the image's, or null for the image's (Lambda's {@code ImageConfig.Command})
   * @param lambdaEnv the variables Lambda sets; they win over the image's
   * @param log where the container's stdout and stderr go
   */
  public static SandboxedContainer start(ContainerImage image, List<String> cmd, Map<String, String> lambdaEnv, Path log)
      throws IOException {
    return start(image, cmd, lambdaEnv, log, null);
  }

  /** As {@link #start(ContainerImage, List, Map, Path)}, with the host directory {@code tmp} as {@code /tmp}. */
  public static SandboxedContainer start(ContainerImage image, List<String> cmd, Map<String, String> lambdaEnv, Path log,
      Path tmp) throws IOException {
    for (String mountPoint : List.of("proc", "dev", "tmp")) {
      Files.createDirectories(image.rootfs().resolve(mountPoint));
    }
    List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--ipc", "--uts", "--fork",
        "--kill-child"));
    if (!"root".equals(System.getProperty("user.name"))) {
      command.add("--map-root-user");
    }
    command.addAll(List.of("sh", "-c", SETUP, "sandbox", image.rootfs().toString(), image.workingDir(),
        tmp == null ? "" : tmp.toAbsolutePath().toString(), "--"));
    command.addAll(image.entrypoint());
    command.addAll(cmd != null ? cmd : image.cmd());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    String path = builder.environment().get("PATH");
    builder.environment().clear();
    builder.environment().put("PATH", path);
    Map<String, String> env = new LinkedHashMap<>(image.env());
    env.putAll(lambdaEnv);
    builder.environment().putAll(env);
    return new SandboxedContainer(builder.start(), log);
  }

  /** What the container wrote so far. */
  public String output() throws IOException {
    return Files.readString(log);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits up to {@code timeout} for the container to exit; true if it did. */
  public boolean waitFor(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The exit code of the container's command; only after it exited. */
  public int exitCode() {
    return process.exitValue();
  }

  /** Stops the container: SIGTERM, then SIGKILL after 5 seconds. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
