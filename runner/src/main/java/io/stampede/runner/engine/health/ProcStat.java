package io.stampede.runner.engine.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The machine's CPU time from Linux's {@code /proc/stat}, for steal time: the share of time a virtual machine's
 * CPUs were ready to run but its hypervisor ran something else. While it is high, every thread of the generator
 * is late, whatever its own load.
 *
 * <p>Parsing is pure ({@link #parse}); {@link #read} and {@link #machineId} are the file-reading edges. Elsewhere
 * than Linux they answer empty, and the generator goes without steal time.
 */
public final class ProcStat {

    private static final Path STAT = Path.of("/proc/stat");
    private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

    private ProcStat() {
    }

    /**
     * The aggregate line's counters, in clock ticks (USER_HZ, usually 1/100 s), summed over all CPUs.
     *
     * @param total all ticks: user, nice, system, idle, iowait, irq, softirq, steal
     * @param steal ticks stolen by the hypervisor (0 on bare metal and old kernels)
     */
    public record CpuTicks(long total, long steal) {

        /** Steal as a percentage (0..100) of all CPU time between {@code earlier} and this reading. */
        public double stealPercentSince(CpuTicks earlier) {
            long all = total - earlier.total;
            long stolen = steal - earlier.steal;
            if (all <= 0 || stolen <= 0) return 0;
            return Math.min(100.0, 100.0 * stolen / all);
        }
    }

    /** The aggregate {@code cpu} line of a {@code /proc/stat} text, or empty when there is none. */
    public static Optional<CpuTicks> parse(String procStat) {
        for (String line : procStat.split("\n")) {
            if (!line.startsWith("cpu ")) continue;
            String[] fields = line.trim().split("\\s+");
            long total = 0;
            long steal = 0;
            // cpu user nice system idle iowait irq softirq steal [guest guest_nice: already in user and nice]
            for (int i = 1; i < fields.length && i <= 8; i++) {
                long ticks;
                try {
                    ticks = Long.parseLong(fields[i]);
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                total += ticks;
                if (i == 8) steal = ticks;
            }
            return Optional.of(new CpuTicks(total, steal));
        }
        return Optional.empty();
    }

    /** This machine's counters now, or empty where there is no {@code /proc/stat}. */
    public static Optional<CpuTicks> read() {
        try {
            return parse(Files.readString(STAT));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * What tells machines apart: the kernel's boot id (one per boot of a machine or VM; containers of one node share
     * it), else the host name. Processes on one machine share its cores, so a run counts them once.
     */
    public static String machineId() {
        try {
            String id = Files.readString(BOOT_ID).trim();
            if (!id.isEmpty()) return id;
        } catch (IOException | RuntimeException e) {
            // not Linux: the host name below
        }
        try {
            return "host:" + java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "";
        }
    }
}
