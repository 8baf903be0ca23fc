package com.leadhandoff.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A share of the machine's CPUs for one process tree, through a Linux control group (cgroup v2's {@code cpu.max}
 * or v1's CFS quota; needs root). On one machine it stands in for a node that has CPUs of its own: two nodes with
 * half a CPU each against one node with half a CPU is what a second machine would add, while the database keeps
 * the rest of the machine.
 */
final class CpuBudget implements AutoCloseable {

  private static final long PERIOD_US = 100_000;

  private final Path group;

  private CpuBudget(Path group) {
    this.group = group;
  }

  /** A group allowed {@code cpus} CPUs (0.5 = half of one); fails with the reason if the machine does not allow it. */
  static CpuBudget of(String name, double cpus) throws IOException {
    long quota = Math.round(cpus * PERIOD_US);
    Path v2 = Path.of("/sys/fs/cgroup");
    if (Files.exists(v2.resolve("cgroup.controllers")) && Files.readString(v2.resolve("cgroup.subtree_control")).contains("cpu")) {
      Path group = Files.createDirectories(v2.resolve(name));
      Files.writeString(group.resolve("cpu.max"), quota + " " + PERIOD_US);
      return new CpuBudget(group);
    }
    Path v1 = Path.of("/sys/fs/cgroup/cpu");
    if (Files.exists(v1.resolve("cpu.cfs_quota_us"))) {
      Path group = Files.createDirectories(v1.resolve(name));
      Files.writeString(group.resolve("cpu.cfs_period_us"), String.valueOf(PERIOD_US));
      Files.writeString(group.resolve("cpu.cfs_quota_us"), String.valueOf(quota));
      return new CpuBudget(group);
    }
    throw new IOException("no cgroup CPU controller at " + v2 + " or " + v1 + ": run without a CPU budget per node");
  }

  /**
   * The command, started inside the group from its first instruction (a shell joins the group, then becomes the
   * command), so that a JVM sizes its thread pools for its budget as it would on a machine of that size.
   */
  List<String> wrap(List<String> command) {
    List<String> wrapped = new ArrayList<>(
        List.of("sh", "-c", "echo $$ > '" + group.resolve("cgroup.procs") + "' && exec \"$@\"", "cpu-budget"));
    wrapped.addAll(command);
    return wrapped;
  }

  /** Removes the group; its processes must have ended. */
  @Override
  public void close() throws IOException {
    Files.deleteIfExists(group);
  }
}
