package dev.warden.agent.osdp;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Named counters of one bus (rejected frames by reason, retries, unknown ids ...). Thread-safe. */
final class BusCounters {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void increment(String name) {
        counts.computeIfAbsent(name, n -> new LongAdder()).increment();
    }

    long get(String name) {
        LongAdder adder = counts.get(name);
        return adder == null ? 0 : adder.sum();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
