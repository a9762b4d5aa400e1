package dev.lambdaguice.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One process's Lambda-shaped sandbox: a fresh cgroup (v1: one per controller hierarchy, v2: one) with a memory limit
 * and a CPU quota, made by {@link CgroupHost}. The process is inside from its first instruction: {@link #wrap} starts
 * it through a shell that writes its own pid into the cgroup, then {@code exec}s the command, so every thread and
 * child of the runtime is charged. {@link #close} kills whatever is left in it and removes it.
 */
public sealed interface Cgroup extends AutoCloseable permits CgroupV1, CgroupV2 {

  /** The cgroup's name below the harness's parent cgroup. */
  String name();

  /** The {@code cgroup.procs} files the process joins (v1: one per hierarchy). */
  List<Path> procsFiles();

  /** What the cgroup recorded so far. */
  CgroupStats stats() throws IOException;

  /** Kills any process left in the cgroup and removes it. */
  @Override
  void close() throws IOException, InterruptedException;

  /** {@code command}, started inside the cgroup: {@code sh -c 'echo $$ > .../cgroup.procs; exec "$@"' ...}. */
  default List<String> wrap(List<String> command) {
    StringBuilder script = new StringBuilder("set -e; ");
    for (Path procs : procsFiles()) {
      script.append("echo $$ > '").append(procs).append("'; ");
    }
    script.append("exec \"$@\"");
    List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", script.toString(), "lambda-sandbox"));
    wrapped.addAll(command);
    return wrapped;
  }
}
