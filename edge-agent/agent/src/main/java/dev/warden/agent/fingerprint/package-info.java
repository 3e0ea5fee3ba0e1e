/**
 * The fingerprint module driver: one {@link dev.warden.agent.fingerprint.FingerprintBus} per serial line with one
 * or more ZFM / R30x / AS608 modules (by address). It speaks the protocol through
 * {@code dev.warden.codec.fingerprint}, verifies each module's password, checks its health, identifies fingers for
 * the door logic ({@link dev.warden.agent.device.FingerprintScanner}), enrols and deletes templates, and reports
 * online/offline through {@link dev.warden.agent.device.DeviceEvents}. The line is reopened with backoff after it
 * goes down. A finger counts only for the request it was placed for: an identify never uses a finger that was
 * already on the sensor when it started, and a module runs one identify or enrol at a time (others are refused with
 * {@code MODULE_BUSY}). Every operation completes, even when the bus thread meets an unexpected {@link Error}
 * ({@code BUS_FAILED}); the work queue is bounded. Module passwords are secrets: never logged.
 */
package dev.warden.agent.fingerprint;
