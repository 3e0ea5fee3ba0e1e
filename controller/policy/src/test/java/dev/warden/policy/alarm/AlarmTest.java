package dev.warden.policy.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Verifies the alarm's legal transitions, its priority, count and the history of every action. */
class AlarmTest {
    static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    static Alarm forcedDoor() {
        return Alarm.raise(new AlarmTrigger.Raise(AlarmType.DOOR_FORCED, AlarmPlace.door("d-1"), T, "forced"));
    }

    static Alarm applied(AlarmChange change) {
        assertThat(change).isInstanceOf(AlarmChange.Changed.class);
        return ((AlarmChange.Changed) change).alarm();
    }

    static String refusal(AlarmChange change) {
        assertThat(change).isInstanceOf(AlarmChange.Refused.class);
        return ((AlarmChange.Refused) change).reason();
    }

    @Test
    void aRaisedAlarmIsActiveWithItsTypesPriorityAndOneRaise() {
        Alarm a = forcedDoor();
        assertThat(a.state()).isEqualTo(new AlarmState.Active(T));
        assertThat(a.state().code()).isEqualTo("ACTIVE");
        assertThat(a.priority()).isEqualTo(2);
        assertThat(a.count()).isEqualTo(1);
        assertThat(a.open()).isTrue();
        assertThat(a.history()).containsExactly(new AlarmAction(AlarmActionKind.RAISED, T, null, "forced", 2));
    }

    @Test
    void aRepeatCountsKeepsTheStateAndIsRecorded() {
        Alarm a = applied(forcedDoor().repeat(T.plusSeconds(5), "again"));
        assertThat(a.count()).isEqualTo(2);
        assertThat(a.lastAt()).isEqualTo(T.plusSeconds(5));
        assertThat(a.detail()).isEqualTo("again");
        assertThat(a.state()).isInstanceOf(AlarmState.Active.class);
        assertThat(a.history()).extracting(AlarmAction::kind)
                .containsExactly(AlarmActionKind.RAISED, AlarmActionKind.REPEATED);
        Alarm older = applied(a.repeat(T.plusSeconds(1), null));
        assertThat(older.lastAt()).as("a late repeat never moves lastAt back").isEqualTo(T.plusSeconds(5));
        assertThat(older.detail()).isEqualTo("again");
    }

    @Test
    void acknowledgeThenClearWithCommentsAndOperators() {
        Alarm ack = applied(forcedDoor().acknowledge("guard1", T.plusSeconds(10), "on my way"));
        assertThat(ack.state()).isEqualTo(new AlarmState.Acknowledged("guard1", T.plusSeconds(10), "on my way"));
        Alarm repeated = applied(ack.repeat(T.plusSeconds(11), null));
        assertThat(repeated.state()).as("a repeat keeps the acknowledgement").isInstanceOf(AlarmState.Acknowledged.class);
        Alarm cleared = applied(repeated.clear("super1", T.plusSeconds(60), "door checked"));
        assertThat(cleared.state()).isEqualTo(new AlarmState.Cleared("super1", T.plusSeconds(60), "door checked"));
        assertThat(((AlarmState.Cleared) cleared.state()).automatic()).isFalse();
        assertThat(cleared.open()).isFalse();
        assertThat(cleared.history()).extracting(AlarmAction::kind, AlarmAction::operator, AlarmAction::comment)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AlarmActionKind.RAISED, null, "forced"),
                        org.assertj.core.groups.Tuple.tuple(AlarmActionKind.ACKNOWLEDGED, "guard1", "on my way"),
                        org.assertj.core.groups.Tuple.tuple(AlarmActionKind.REPEATED, null, null),
                        org.assertj.core.groups.Tuple.tuple(AlarmActionKind.CLEARED, "super1", "door checked"));
    }

    @Test
    void anActiveAlarmMayBeClearedWithoutAcknowledgement() {
        Alarm cleared = applied(forcedDoor().clear("super1", T.plusSeconds(1), "false alarm"));
        assertThat(cleared.state().code()).isEqualTo("CLEARED");
    }

    @Test
    void illegalTransitionsAreRefusedAndChangeNothing() {
        Alarm ack = applied(forcedDoor().acknowledge("g", T, "seen"));
        assertThat(refusal(ack.acknowledge("g2", T, "again"))).contains("already acknowledged by g");
        Alarm cleared = applied(ack.clear("s", T, "done"));
        assertThat(refusal(cleared.acknowledge("g", T, "late"))).contains("cleared");
        assertThat(refusal(cleared.escalate("s", T, "late"))).contains("cleared");
        assertThat(refusal(cleared.clear("s", T, "twice"))).contains("already cleared");
        assertThat(refusal(cleared.autoClear(T, "ended"))).contains("already cleared");
        assertThat(refusal(cleared.repeat(T, "x"))).contains("cleared");
    }

    @Test
    void escalationRaisesThePriorityByOneUntilTheHighestAndKeepsTheState() {
        Alarm held = Alarm.raise(new AlarmTrigger.Raise(AlarmType.PASSBACK, AlarmPlace.person("p", null, null), T, null));
        assertThat(held.priority()).isEqualTo(4);
        Alarm p3 = applied(held.escalate("s", T, "twice today"));
        assertThat(p3.priority()).isEqualTo(3);
        assertThat(p3.state()).isInstanceOf(AlarmState.Active.class);
        Alarm ack = applied(p3.acknowledge("g", T, "seen"));
        Alarm p2 = applied(ack.escalate("s", T, "worse"));
        assertThat(p2.state()).isInstanceOf(AlarmState.Acknowledged.class);
        Alarm p1 = applied(p2.escalate("s", T, "worst"));
        assertThat(p1.priority()).isEqualTo(1);
        assertThat(refusal(p1.escalate("s", T, "more"))).contains("highest priority");
        assertThat(p1.history()).filteredOn(a -> a.kind() == AlarmActionKind.ESCALATED)
                .extracting(AlarmAction::priority).containsExactly(3, 2, 1);
    }

    @Test
    void autoClearOfAnAcknowledgedAlarmNamesNoOperatorAndRecordsItsOwnDetail() {
        Alarm acked = applied(forcedDoor().acknowledge("g", T.plusSeconds(1), "seen"));
        Alarm cleared = applied(acked.autoClear(T.plusSeconds(3), "closed"));
        assertThat(cleared.state()).isEqualTo(new AlarmState.Cleared(null, T.plusSeconds(3), "closed"));
        assertThat(((AlarmState.Cleared) cleared.state()).automatic()).isTrue();
        assertThat(cleared.history().getLast().kind()).isEqualTo(AlarmActionKind.AUTO_CLEARED);
        assertThat(cleared.history().getLast().operator()).isNull();
        assertThat(cleared.detail()).as("L4: the clear's own detail").isEqualTo("closed");
    }

    /** Verifies M1: an unacknowledged alarm whose condition ends stays open until someone acknowledges it. */
    @Test
    void anUnacknowledgedAlarmWhoseConditionEndsReturnsToNormalAndClosesOnAcknowledge() {
        Alarm tamper = Alarm.raise(new AlarmTrigger.Raise(AlarmType.TAMPER, AlarmPlace.device("a", "rdr", null), T,
                "tamper active"));
        Alarm back = applied(tamper.autoClear(T.plusSeconds(20), "tamper cleared"));
        assertThat(back.state()).isEqualTo(new AlarmState.ReturnedToNormal(T.plusSeconds(20), "tamper cleared"));
        assertThat(back.state().code()).isEqualTo("RETURNED_TO_NORMAL");
        assertThat(back.open()).as("still in the open queue").isTrue();
        assertThat(back.detail()).isEqualTo("tamper cleared");
        assertThat(back.history().getLast().kind()).isEqualTo(AlarmActionKind.RETURNED_TO_NORMAL);
        assertThat(refusal(back.autoClear(T.plusSeconds(21), "again"))).contains("returned to normal");

        Alarm closed = applied(back.acknowledge("g", T.plusSeconds(60), "camera checked"));
        assertThat(closed.state()).isEqualTo(new AlarmState.Cleared("g", T.plusSeconds(60), "camera checked"));
        assertThat(closed.open()).isFalse();
        assertThat(closed.history()).extracting(AlarmAction::kind).containsExactly(AlarmActionKind.RAISED,
                AlarmActionKind.RETURNED_TO_NORMAL, AlarmActionKind.ACKNOWLEDGED);
    }

    /** Verifies M1: the condition coming back makes a returned alarm active again; a supervisor may clear it. */
    @Test
    void aReturnedAlarmIsActiveAgainWhenTheConditionComesBack() {
        Alarm back = applied(forcedDoor().autoClear(T.plusSeconds(1), "ended"));
        Alarm again = applied(back.repeat(T.plusSeconds(5), "again"));
        assertThat(again.state()).isEqualTo(new AlarmState.Active(T.plusSeconds(5)));
        assertThat(again.count()).isEqualTo(2);
        Alarm back2 = applied(again.autoClear(T.plusSeconds(6), "ended"));
        assertThat(applied(back2.escalate("s", T.plusSeconds(7), "x")).state()).isInstanceOf(
                AlarmState.ReturnedToNormal.class);
        assertThat(applied(back2.clear("s", T.plusSeconds(8), "done")).state()).isInstanceOf(AlarmState.Cleared.class);
    }

    @Test
    void operatorActionsNeedAnOperatorAndAComment() {
        Alarm a = forcedDoor();
        assertThatThrownBy(() -> a.acknowledge("g", T, " ")).hasMessageContaining("comment");
        assertThatThrownBy(() -> a.clear("g", T, null)).hasMessageContaining("comment");
        assertThatThrownBy(() -> a.escalate("", T, "x")).hasMessageContaining("operator");
    }

    @Test
    void priorityAndCountAreChecked() {
        assertThatThrownBy(() -> new Alarm(AlarmType.DURESS, AlarmPlace.door("d"), 0, new AlarmState.Active(T), 1, T, T,
                null, java.util.List.of())).hasMessageContaining("priority");
        assertThatThrownBy(() -> new Alarm(AlarmType.DURESS, AlarmPlace.door("d"), 5, new AlarmState.Active(T), 1, T, T,
                null, java.util.List.of())).hasMessageContaining("priority");
        assertThatThrownBy(() -> new Alarm(AlarmType.DURESS, AlarmPlace.door("d"), 1, new AlarmState.Active(T), 0, T, T,
                null, java.util.List.of())).hasMessageContaining("count");
    }
}
