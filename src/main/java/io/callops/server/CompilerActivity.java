package io.callops.server;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the JIT compiler is, for the warm-up's wait until it has caught up.
 *
 * <p>On Linux this is the CPU time of the compiler threads, read from {@code /proc/self/task}:
 * exact even while one long compilation runs. Elsewhere it falls back to the
 * {@link CompilationMXBean}'s total, which only grows when a compilation finishes, so a long
 * one looks like an idle compiler.
 */
final class CompilerActivity {
    private static final Path TASKS = Path.of("/proc/self/task");
    /** Length of the clock tick procfs counts CPU time in (USER_HZ, 100 on Linux). */
    static final long TICK_MS = 10;

    private CompilerActivity() {}

    /** Milliseconds the compiler has worked so far, or -1 when unknown. */
    static long millis() {
        long ticks = compilerThreadTicks();
        if (ticks >= 0) {
            return ticks * TICK_MS;
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }

    /** User plus system ticks of the threads named "C1/C2 CompilerThread…", or -1 without procfs. */
    static long compilerThreadTicks() {
        if (!Files.isDirectory(TASKS)) {
            return -1;
        }
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                String comm;
                String stat;
                try {
                    comm = Files.readString(task.resolve("comm"));
                    if (!comm.startsWith("C1 Compiler") && !comm.startsWith("C2 Compiler")) {
                        continue;
                    }
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended while we looked
                }
                sum += ticks(stat);
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return sum;
    }

    /** utime + stime (fields 14 and 15) of a {@code /proc/<pid>/task/<tid>/stat} line. */
    static long ticks(String stat) {
        // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
