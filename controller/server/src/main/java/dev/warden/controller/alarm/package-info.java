/**
 * Alarms: what a guard must see (door forced or held open, tamper, devices and agents offline, repeated denials,
 * terminated-credential attempts, duress, unescorted visitors, tailgating, temperature and humidity out of range,
 * smoke, leak, power), stored with their priority, state and every action taken on them.
 *
 * <p>Inputs arrive through {@link dev.warden.controller.alarm.AlarmInputs} (decided reads, access-engine signals,
 * stored agent events, agent status); the pure detectors of {@code dev.warden.policy.alarm} turn them into raises and
 * clears (a failed store is retried); the alarm service keeps one open alarm per type and place (a repeat counts,
 * optimistic locking against stale writers, a bound on the open device alarms per agent), the REST API
 * {@code /api/v1/alarms} lists them and takes acknowledge / escalate / clear, and a live SSE stream carries every
 * change. See docs/alarms.md.
 */
package dev.warden.controller.alarm;
