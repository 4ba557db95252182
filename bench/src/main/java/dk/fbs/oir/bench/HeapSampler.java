package dk.fbs.oir.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.locks.LockSupport;

/** Heap use sampled every 10 ms, and its maximum. */
final class HeapSampler {
    private volatile boolean running;
    private volatile long peak;
    private Thread thread;

    void start() {
        System.gc();
        peak = 0;
        running = true;
        thread = new Thread(
                () -> {
                    var memory = ManagementFactory.getMemoryMXBean();
                    while (running) {
                        peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                        LockSupport.parkNanos(10_000_000L);
                    }
                },
                "bench-heap");
        thread.setDaemon(true);
        thread.start();
    }

    long stop() throws InterruptedException {
        running = false;
        thread.join();
        return peak;
    }
}
