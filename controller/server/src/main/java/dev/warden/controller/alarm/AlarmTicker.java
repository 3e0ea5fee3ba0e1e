package dev.warden.controller.alarm;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Drives the time-based detectors once a second ({@code warden.alarms.tick}, default 1 s): doors held open past
 * their time. The time itself comes from the injected clock, at evaluation.
 */
@Singleton
class AlarmTicker {
    private final AlarmInputs inputs;

    AlarmTicker(AlarmInputs inputs) {
        this.inputs = inputs;
    }

    @Scheduled(fixedDelay = "${warden.alarms.tick:1s}", initialDelay = "${warden.alarms.tick:1s}")
    void tick() {
        inputs.tick();
    }
}
