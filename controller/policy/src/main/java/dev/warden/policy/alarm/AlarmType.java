package dev.warden.policy.alarm;

/**
 * What an alarm is about, with its default priority (1 = highest, 4 = lowest) and whether the condition can end by
 * itself (when it does, an acknowledged alarm is cleared automatically and an unacknowledged one is marked returned to
 * normal and waits for an acknowledgement; the others stay until an operator clears them).
 */
public enum AlarmType {
    TERMINATED_CREDENTIAL(1, false),
    DURESS(1, false),
    SMOKE(1, true),
    DOOR_FORCED(2, false),
    TAMPER(2, true),
    UNESCORTED_VISITOR(2, false),
    TAILGATING(2, false),
    LEAK(2, true),
    POWER(2, true),
    AGENT_OFFLINE(2, true),
    LONE_OCCUPANT(2, false),
    VISIT_OVERSTAY(2, false),
    DOOR_HELD(3, true),
    TEMPERATURE(3, true),
    HUMIDITY(3, true),
    DEVICE_OFFLINE(3, true),
    REPEATED_DENIALS(3, false),
    PASSBACK(4, false);

    /** The highest priority. */
    public static final int HIGHEST = 1;
    /** The lowest priority. */
    public static final int LOWEST = 4;

    private final int defaultPriority;
    private final boolean clearsItself;

    AlarmType(int defaultPriority, boolean clearsItself) {
        this.defaultPriority = defaultPriority;
        this.clearsItself = clearsItself;
    }

    /** The priority a new alarm of this type starts with. */
    public int defaultPriority() {
        return defaultPriority;
    }

    /** True when the condition can end by itself (see {@link Alarm#autoClear}). */
    public boolean clearsItself() {
        return clearsItself;
    }
}
