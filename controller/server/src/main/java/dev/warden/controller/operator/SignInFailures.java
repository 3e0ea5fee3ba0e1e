package dev.warden.controller.operator;

import jakarta.inject.Singleton;
import java.util.concurrent.atomic.LongAdder;

/** Counts failed sign-ins since start (reported in the failure log line). */
@Singleton
public class SignInFailures {
    private final LongAdder failures = new LongAdder();

    long record() {
        failures.increment();
        return failures.sum();
    }

    public long count() {
        return failures.sum();
    }
}
