package dk.fbs.oir.bench;

import java.lang.management.ManagementFactory;

/** Collections and their time, summed over the JVM's collectors. */
record GcStats(long count, long millis) {
    static GcStats now() {
        long count = 0;
        long millis = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new GcStats(count, millis);
    }

    GcStats minus(GcStats before) {
        return new GcStats(count - before.count, millis - before.millis);
    }
}
