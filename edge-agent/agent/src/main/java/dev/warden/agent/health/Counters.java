package dev.warden.agent.health;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Named counters of things worth watching: rejected payloads by reason, decision timeouts, commands for unknown
 * doors. Thread-safe; cheap enough to bump on every message.
 */
public final class Counters {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void increment(String name) {
        counts.computeIfAbsent(name, n -> new LongAdder()).increment();
    }

    public long get(String name) {
        LongAdder adder = counts.get(name);
        return adder == null ? 0 : adder.sum();
    }

    /** All counters, sorted by name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
