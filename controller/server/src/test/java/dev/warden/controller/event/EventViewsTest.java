package dev.warden.controller.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.controller.decision.IndexView;
import dev.warden.policy.AccessSnapshot;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventViewsTest {
    static final IndexView NAMES = new IndexView(AccessSnapshot.empty(), Map.of(), Map.of("d1", "Door one"),
            Map.of("p1", "Pat"), Instant.EPOCH);

    private static AccessEventRow row(String kind, String decision, String reason, String detail) {
        return new AccessEventRow(5L, Instant.EPOCH, kind, "d1", "r1", "IN", "p1", "c1", "H10301 1:2", decision,
                reason, "AGENT", "a1", 9L, detail);
    }

    @Test
    void namesDoorsAndPeopleFromTheIndex() {
        EventView v = EventViews.of(row("ACCESS", "GRANT", "GRANTED", null), NAMES);
        assertThat(v).isEqualTo(new EventView(5, Instant.EPOCH, "ACCESS", "d1", "Door one", "r1", "IN", "p1", "Pat",
                "c1", "H10301 1:2", "GRANT", "GRANTED", "Access granted", "AGENT", "a1", 9L));
    }

    @Test
    void explainsEveryReason() {
        assertThat(EventViews.reasonText(row("ACCESS", "DENY", "OUTSIDE_SCHEDULE", "request x")))
                .isEqualTo("Outside the access schedule");
        assertThat(EventViews.reasonText(row("ACCESS", "DENY", "UNKNOWN_READER", null))).isEqualTo("Unknown reader");
        assertThat(EventViews.reasonText(row("ACCESS", "DENY", "AGENT_DOOR_MISMATCH", "x")))
                .isEqualTo("The agent that asked does not serve this door");
        assertThat(EventViews.reasonText(row("ACCESS", "DENY", "READER_NOT_STANDALONE", "x")))
                .isEqualTo("A standalone reader read at a door that an edge agent serves");
        assertThat(EventViews.reasonText(row("DOOR", null, "DOOR_NOT_SERVED_BY_AGENT", "claimedDoor=d9, state=OPEN")))
                .isEqualTo("claimedDoor=d9, state=OPEN");
        assertThat(EventViews.reasonText(row("REJECTED_READ", "REJECTED", "WIEGAND_PARITY", "parity error")))
                .isEqualTo("parity error");
        assertThat(EventViews.reasonText(row("DEVICE", null, "DEVICE_ONLINE", null))).isEqualTo("DEVICE_ONLINE");
    }

    @Test
    void describesDoorStatesInWordsAGuardReads() {
        String detail = "deviceAt=2026-11-23T13:39:20Z, source=LOCK, state=%s";
        assertThat(EventViews.reasonText(row("DOOR", null, "DOOR_STATE", detail.formatted("OPEN")))).isEqualTo("Door opened");
        assertThat(EventViews.reasonText(row("DOOR", null, "DOOR_STATE", detail.formatted("CLOSED")))).isEqualTo("Door closed");
        assertThat(EventViews.reasonText(row("DOOR", null, "DOOR_STATE", detail.formatted("UNLOCKED")))).isEqualTo("Lock released");
        assertThat(EventViews.reasonText(row("DOOR", null, "DOOR_STATE", detail.formatted("LOCKED")))).isEqualTo("Lock engaged");
        assertThat(EventViews.reasonText(row("DOOR", null, "DOOR_STATE", detail.formatted("TAMPER")))).isEqualTo("Tamper reported");
        assertThat(EventViews.reasonText(row("DOOR", null, "COMMAND_EXECUTED", "action=UNLOCK, commandId=c-1")))
                .isEqualTo("Command carried out: UNLOCK");
        // an unrecognised state keeps the raw detail rather than inventing words
        assertThat(EventViews.reasonText(row("DOOR", null, "DOOR_STATE", "state=AJAR"))).isEqualTo("state=AJAR");
    }

    @Test
    void describesTamperPassagesAndSensorsInWords() {
        assertThat(EventViews.reasonText(row("DEVICE", null, "TAMPER", "state=ACTIVE"))).isEqualTo("Tamper reported");
        assertThat(EventViews.reasonText(row("DEVICE", null, "TAMPER", "state=CLEARED"))).isEqualTo("Tamper cleared");
        assertThat(EventViews.reasonText(row("DOOR", null, "PASSAGE", null))).isEqualTo("Passage through the gate");
        assertThat(EventViews.reasonText(row("DEVICE", null, "SENSOR_READING",
                "quantity=temperature, unit=°C, value=21.5"))).isEqualTo("Temperature 21.5 °C");
        assertThat(EventViews.reasonText(row("DEVICE", null, "SENSOR_READING", "quantity=humidity, value=40.0")))
                .isEqualTo("Humidity 40.0");
        assertThat(EventViews.reasonText(row("DEVICE", null, "SENSOR_ALARM", "input=leak, state=ACTIVE")))
                .isEqualTo("Leak alarm");
        assertThat(EventViews.reasonText(row("DEVICE", null, "SENSOR_ALARM", "input=smoke, state=CLEARED")))
                .isEqualTo("Smoke alarm cleared");
        assertThat(EventViews.reasonText(row("DEVICE", null, "DEVICE_SECURITY", "code=INSTALL_KEY_USED")))
                .isEqualTo("Reader reached with the published install key");
        assertThat(EventViews.reasonText(row("DEVICE", null, "DEVICE_SECURITY", "code=SOMETHING_NEW")))
                .isEqualTo("Security notice: SOMETHING_NEW");
        // incomplete attributes keep the raw detail, or the code when there is none
        assertThat(EventViews.reasonText(row("DEVICE", null, "SENSOR_ALARM", "input=leak"))).isEqualTo("input=leak");
        assertThat(EventViews.reasonText(row("DEVICE", null, "SENSOR_READING", null))).isEqualTo("SENSOR_READING");
        assertThat(EventViews.reasonText(row("DEVICE", null, "TAMPER", "state=WOBBLY"))).isEqualTo("state=WOBBLY");
    }
}
