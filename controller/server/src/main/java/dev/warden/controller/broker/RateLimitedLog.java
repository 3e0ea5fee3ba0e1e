package dev.warden.controller.broker;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs at WARN at most {@code perSecond} lines a second and counts what it held back, so that a misbehaving device
 * cannot flood the log with denials. The counters in {@code MqttIngressStats} still see every event.
 */
final class RateLimitedLog {

    private final Logger log;
    private final int perSecond;
    private final AtomicLong window = new AtomicLong();
    private final AtomicLong inWindow = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();

    RateLimitedLog(Logger log, int perSecond) {
        this.log = log;
        this.perSecond = perSecond;
    }

    void warn(String format, Object... args) {
        long second = System.nanoTime() / 1_000_000_000L;
        long current = window.get();
        if (current != second && window.compareAndSet(current, second)) {
            inWindow.set(0);
            long held = suppressed.getAndSet(0);
            if (held > 0) {
                log.warn("{} similar MQTT security messages were not logged in the last second(s)", held);
            }
        }
        if (inWindow.incrementAndGet() <= perSecond) {
            log.warn(format, args);
        } else {
            suppressed.incrementAndGet();
            log.debug(format, args);
        }
    }
}
