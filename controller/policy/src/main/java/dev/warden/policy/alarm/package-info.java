/**
 * The pure alarm core: alarm types and their default priorities ({@link dev.warden.policy.alarm.AlarmType}), the
 * place an alarm belongs to ({@link dev.warden.policy.alarm.AlarmPlace}), the alarm itself with its sealed state
 * ({@link dev.warden.policy.alarm.AlarmState}: active, acknowledged, returned to normal, cleared), its legal
 * transitions and the history of every action ({@link dev.warden.policy.alarm.Alarm}), and one small detector per
 * condition that turns facts into {@link dev.warden.policy.alarm.AlarmTrigger}s (raise or clear):
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
 * (callers serialise) and bound what they remember (a fact beyond a bound is refused and counted). A device's place
 * names the agent that reported it, so one agent's reports never touch another agent's alarms. An alarm whose
 * condition ends before anyone acknowledged it stays open as returned to normal until acknowledged. Depends on
 * {@code java.*} only.
 */
package dev.warden.policy.alarm;
