package com.leadhandoff.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiPredicate;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Timing and the printed table of the benchmarks. */
final class BenchTiming {

  private BenchTiming() {}

  /** Runs the work {@code warmup} times unmeasured, then {@code runs} times; answers each run's milliseconds. */
  static double[] repeat(int warmup, int runs, Supplier<?> work) {
    for (int i = 0; i < warmup; i++) {
      work.get();
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      work.get();
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    return ms;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static double max(double[] values) {
    return Arrays.stream(values).max().orElse(0);
  }

  /**
   * The machine's CPU time so far from /proc/stat, in clock ticks: {busy, total} over all cores. The share busy
   * between two readings tells whether a run was bound by the machine's CPUs (all processes: nodes and database).
   */
  static long[] cpuTicks() throws IOException {
    String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long total = 0;
    for (int i = 1; i < Math.min(fields.length, 9); i++) { // user nice system idle iowait irq softirq steal
      total += Long.parseLong(fields[i]);
    }
    long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
    return new long[] {total - idle, total};
  }

  /** The share of the machine's CPU time that was busy between two {@link #cpuTicks()} readings, 0..1. */
  static double busyShare(long[] before, long[] after) {
    return (double) (after[0] - before[0]) / Math.max(1, after[1] - before[1]);
  }

  /**
   * CPU seconds (user and system) used so far by the processes that match, from /proc/PID/stat; processes that
   * ended are not counted, so read it for long-lived ones (the nodes, PostgreSQL's pooled connections).
   */
  static double cpuSeconds(BiPredicate<Long, String> pidAndCommand) throws IOException {
    long ticks = 0;
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
        String stat;
        try {
          stat = Files.readString(process.resolve("stat"));
        } catch (IOException ended) {
          continue;
        }
        String command = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (pidAndCommand.test(Long.parseLong(process.getFileName().toString()), command)) {
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // from field 3, the state
          ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15: utime, stime
        }
      }
    }
    return ticks / (double) TICKS_PER_SECOND;
  }

  /** PostgreSQL's processes, for {@link #cpuSeconds}. */
  static final BiPredicate<Long, String> POSTGRES = (pid, command) -> command.equals("postgres");

  /** Linux's USER_HZ, the unit of /proc's CPU times, on every architecture the JVM runs on. */
  private static final int TICKS_PER_SECOND = 100;

  static void print(List<String> header, List<String[]> rows) {
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = header.get(i).length();
      for (String[] row : rows) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      line.append(String.format("| %-" + width[i] + "s ", header.get(i)));
    }
    System.out.println(line.append('|'));
    System.out.println(line.toString().replaceAll("[^|]", "-"));
    for (String[] row : rows) {
      StringBuilder cells = new StringBuilder();
      for (int i = 0; i < width.length; i++) {
        cells.append(String.format(i == 0 ? "| %-" + width[i] + "s " : "| %" + width[i] + "s ", row[i]));
      }
      System.out.println(cells.append('|'));
    }
  }

  /** The work for numbers first..first+count-1 on 8 threads, as 8 clients would; the first failure is thrown. */
  static void onThreads(IntConsumer work, int first, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = first + i;
      calls.add(pool.submit(() -> work.accept(n)));
    }
    for (Future<?> call : calls) {
      call.get();
    }
    pool.shutdown();
  }
}
