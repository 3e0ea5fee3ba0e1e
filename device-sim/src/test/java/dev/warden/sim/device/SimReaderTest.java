package dev.warden.sim.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.contract.ContractJson;
import dev.warden.contract.DeviceCommand;
import dev.warden.contract.DoorCommand.Action;
import dev.warden.sim.config.DeviceKind;
import dev.warden.sim.config.DeviceSpec;
import dev.warden.sim.testing.RecordingChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SimReaderTest {

    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    final RecordingChannel channel = new RecordingChannel();
    final SimReader reader = new SimReader(new DeviceSpec("rdr-1", DeviceKind.READER, "door-1", null), Clock.fixed(NOW, ZoneOffset.UTC));

    SimReaderTest() {
        reader.attach(channel);
    }

    @Test
    void keepsTheLedAndBuzzerItIsTold() {
        var next = reader.nextLed();

        reader.onMessage(reader.commandTopic(), ContractJson.write(new DeviceCommand(Action.LED, 2000, "RED")));
        reader.onMessage(reader.commandTopic(), ContractJson.write(new DeviceCommand(Action.BUZZER, 300, null)));

        assertThat(next).isCompletedWithValue(new DeviceCommand(Action.LED, 2000, "RED"));
        ReaderIndication shown = reader.indication();
        assertThat(shown.ledColor()).isEqualTo("RED");
        assertThat(shown.ledOn(NOW.plusMillis(1999))).isTrue();
        assertThat(shown.ledOn(NOW.plusMillis(2000))).isFalse();
        assertThat(shown.buzzing(NOW.plusMillis(299))).isTrue();
        assertThat(shown.buzzing(NOW.plusMillis(300))).isFalse();
    }

    @Test
    void sendsReadsOnItsReadTopic() {
        reader.send("{}".getBytes(StandardCharsets.UTF_8));

        assertThat(channel.sent()).singleElement().satisfies(s -> {
            assertThat(s.topic()).isEqualTo("warden/v1/devices/rdr-1/read");
            assertThat(s.retained()).isFalse();
        });
    }

    @Test
    void ignoresMalformedAndForeignCommands() {
        reader.onMessage(reader.commandTopic(), "{".getBytes(StandardCharsets.UTF_8));
        reader.onMessage(reader.commandTopic(), ContractJson.write(new DeviceCommand(Action.UNLOCK, 100, null)));

        assertThat(reader.indication()).isEqualTo(ReaderIndication.DARK);
        assertThat(reader.rejectedCommands()).isEqualTo(2);
    }
}
