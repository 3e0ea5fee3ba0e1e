/**
 * The pure alarm core: alarm types and their default priorities ({@link dev.warden.policy.alarm.AlarmType}), the
 * place an alarm belongs to ({@link dev.warden.policy.alarm.AlarmPlace}), the alarm itself with its sealed state
 * ({@link dev.warden.policy.alarm.AlarmState}: active, acknowledged, cleared), its legal transitions and the history
 * of every action ({@link dev.warden.policy.alarm.Alarm}), and one small detector per condition that turns facts
 * into {@link dev.warden.policy.alarm.AlarmTrigger}s (raise or clear):
 * <ul>
 *   <li>{@link dev.warden.policy.alarm.DoorForcedDetector}: a door opened with no grant or unlock covering it;</li>
 *   <li>{@link dev.warden.policy.alarm.DoorHeldDetector}: a door left open past its held-open time after a grant;</li>
 *   <li>{@link dev.warden.policy.alarm.RepeatedDenialsDetector}: N denials within a window (per door, per credential);</li>
 *   <li>{@link dev.warden.policy.alarm.TailgatingDetector}: more gate passages than grants;</li>
 *   <li>{@link dev.warden.policy.alarm.ThresholdDetector}: a measured value out of its band, with hysteresis;</li>
 *   <li>{@link dev.warden.policy.alarm.OfflineDetector}: devices and agents going offline and coming back;</li>
 *   <li>{@link dev.warden.policy.alarm.InputAlarms}: tamper switches and smoke / leak / power inputs;</li>
 *   <li>{@link dev.warden.policy.alarm.SignalAlarms}: access-engine signals (terminated credential, duress, ...).</li>
 * </ul>
 * Detectors never read a clock: time comes in with each fact. They keep small in-memory state, are not thread-safe
 * (callers serialise) and bound what they remember. Depends on {@code java.*} only.
 */
package dev.warden.policy.alarm;
