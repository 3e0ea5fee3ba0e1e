/**
 * The fingerprint module driver: one {@link dev.warden.agent.fingerprint.FingerprintBus} per serial line with one
 * or more ZFM / R30x / AS608 modules (by address). It speaks the protocol through
 * {@code dev.warden.codec.fingerprint}, verifies each module's password, checks its health, identifies fingers for
 * the door logic ({@link dev.warden.agent.device.FingerprintScanner}), enrols and deletes templates, and reports
 * online/offline through {@link dev.warden.agent.device.DeviceEvents}. The line is reopened with backoff after it
 * goes down. Module passwords are secrets: never logged.
 */
package dev.warden.agent.fingerprint;
