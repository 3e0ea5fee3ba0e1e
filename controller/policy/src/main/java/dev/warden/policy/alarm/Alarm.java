package dev.warden.policy.alarm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An alarm: its type and place, current priority (1 = highest), state, how often its condition happened while it
 * was open, and every action taken on it, oldest first. Immutable: each transition returns a new alarm inside
 * {@link AlarmChange.Changed}, or {@link AlarmChange.Refused} when the action is not legal:
 *
 * <ul>
 *   <li>{@link #repeat}: open only (count + 1; state kept, except that an alarm returned to normal is active
 *       again);</li>
 *   <li>{@link #acknowledge}: active (→ acknowledged) or returned to normal (→ cleared, by the acknowledging
 *       operator: nothing is left to watch);</li>
 *   <li>{@link #escalate}: open and not yet at priority 1 (priority - 1, state kept);</li>
 *   <li>{@link #clear} (by an operator): open only; cleared is final;</li>
 *   <li>{@link #autoClear} (its condition ended): an acknowledged alarm is cleared; an active one is only marked
 *       returned to normal and stays open until someone acknowledges it (a brief tamper or smoke never vanishes
 *       unseen); refused for one already returned to normal or cleared.</li>
 * </ul>
 * Operator actions need the operator's name and a non-blank comment.
 */
public record Alarm(AlarmType type, AlarmPlace place, int priority, AlarmState state, int count, Instant raisedAt,
                    Instant lastAt, String detail, List<AlarmAction> history) {

    public Alarm {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(lastAt, "lastAt");
        if (priority < AlarmType.HIGHEST || priority > AlarmType.LOWEST) {
            throw new IllegalArgumentException("priority must be " + AlarmType.HIGHEST + ".." + AlarmType.LOWEST);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1");
        }
        history = List.copyOf(history);
    }

    /** A new, active alarm from a raise: default priority of its type, count 1, history [RAISED]. */
    public static Alarm raise(AlarmTrigger.Raise raise) {
        AlarmAction raised = new AlarmAction(AlarmActionKind.RAISED, raise.at(), null, raise.detail(),
                raise.type().defaultPriority());
        return new Alarm(raise.type(), raise.place(), raise.type().defaultPriority(), new AlarmState.Active(raise.at()),
                1, raise.at(), raise.at(), raise.detail(), List.of(raised));
    }

    public boolean open() {
        return state.open();
    }

    /** The condition happened again while the alarm is open. */
    public AlarmChange repeat(Instant at, String newDetail) {
        Objects.requireNonNull(at, "at");
        if (!open()) {
            return new AlarmChange.Refused("the alarm is cleared");
        }
        AlarmAction action = new AlarmAction(AlarmActionKind.REPEATED, at, null, newDetail, priority);
        Instant last = at.isAfter(lastAt) ? at : lastAt;
        AlarmState next = state instanceof AlarmState.ReturnedToNormal ? new AlarmState.Active(at) : state;
        return changed(new Alarm(type, place, priority, next, count + 1, raisedAt, last,
                newDetail == null ? detail : newDetail, append(action)), action);
    }

    public AlarmChange acknowledge(String operator, Instant at, String comment) {
        requireOperatorAction(operator, at, comment);
        return switch (state) {
            case AlarmState.Active a -> {
                AlarmAction action = new AlarmAction(AlarmActionKind.ACKNOWLEDGED, at, operator, comment, priority);
                yield changed(with(new AlarmState.Acknowledged(operator, at, comment), priority, action), action);
            }
            case AlarmState.ReturnedToNormal r -> {
                AlarmAction action = new AlarmAction(AlarmActionKind.ACKNOWLEDGED, at, operator, comment, priority);
                yield changed(with(new AlarmState.Cleared(operator, at, comment), priority, action), action);
            }
            case AlarmState.Acknowledged a -> new AlarmChange.Refused("the alarm was already acknowledged by " + a.by());
            case AlarmState.Cleared c -> new AlarmChange.Refused("the alarm is cleared");
        };
    }

    public AlarmChange escalate(String operator, Instant at, String comment) {
        requireOperatorAction(operator, at, comment);
        if (!open()) {
            return new AlarmChange.Refused("the alarm is cleared");
        }
        if (priority == AlarmType.HIGHEST) {
            return new AlarmChange.Refused("the alarm already has the highest priority");
        }
        AlarmAction action = new AlarmAction(AlarmActionKind.ESCALATED, at, operator, comment, priority - 1);
        return changed(with(state, priority - 1, action), action);
    }

    public AlarmChange clear(String operator, Instant at, String comment) {
        requireOperatorAction(operator, at, comment);
        if (!open()) {
            return new AlarmChange.Refused("the alarm is already cleared");
        }
        AlarmAction action = new AlarmAction(AlarmActionKind.CLEARED, at, operator, comment, priority);
        return changed(with(new AlarmState.Cleared(operator, at, comment), priority, action), action);
    }

    /**
     * Its condition ended. Acknowledged: the controller clears it ({@code AUTO_CLEARED}). Active: it is marked
     * returned to normal ({@code RETURNED_TO_NORMAL}) and stays open until an operator acknowledges it. Either way
     * the alarm's detail becomes {@code why} (the raise's text stays in the history).
     */
    public AlarmChange autoClear(Instant at, String why) {
        Objects.requireNonNull(at, "at");
        return switch (state) {
            case AlarmState.Active a -> {
                AlarmAction action = new AlarmAction(AlarmActionKind.RETURNED_TO_NORMAL, at, null, why, priority);
                yield changed(withDetail(new AlarmState.ReturnedToNormal(at, why), why, action), action);
            }
            case AlarmState.Acknowledged a -> {
                AlarmAction action = new AlarmAction(AlarmActionKind.AUTO_CLEARED, at, null, why, priority);
                yield changed(withDetail(new AlarmState.Cleared(null, at, why), why, action), action);
            }
            case AlarmState.ReturnedToNormal r -> new AlarmChange.Refused("the alarm already returned to normal");
            case AlarmState.Cleared c -> new AlarmChange.Refused("the alarm is already cleared");
        };
    }

    private Alarm with(AlarmState next, int nextPriority, AlarmAction action) {
        return new Alarm(type, place, nextPriority, next, count, raisedAt, lastAt, detail, append(action));
    }

    private Alarm withDetail(AlarmState next, String newDetail, AlarmAction action) {
        return new Alarm(type, place, priority, next, count, raisedAt, lastAt, newDetail == null ? detail : newDetail,
                append(action));
    }

    private List<AlarmAction> append(AlarmAction action) {
        List<AlarmAction> all = new ArrayList<>(history.size() + 1);
        all.addAll(history);
        all.add(action);
        return all;
    }

    private static AlarmChange changed(Alarm alarm, AlarmAction action) {
        return new AlarmChange.Changed(alarm, action);
    }

    private static void requireOperatorAction(String operator, Instant at, String comment) {
        Objects.requireNonNull(at, "at");
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("the operator is required");
        }
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("a comment is required");
        }
    }
}
