package dev.warden.agent.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verifies the demo register maps, point validation, scaling, read planning and RTU timing. */
class ModbusDeviceSettingsTest {

    @Test
    void turnstileMapOfTheBrief() {
        ModbusDeviceSettings gate = ModbusDeviceSettings.turnstile("gate-1", 1, Duration.ofMillis(100));
        assertThat(gate.points()).containsExactly(
                new ModbusPoint("permit", ModbusTable.COIL, 0, 1, "", false, false),
                new ModbusPoint("contact", ModbusTable.DISCRETE_INPUT, 0, 1, "", false, false),
                new ModbusPoint("tamper", ModbusTable.DISCRETE_INPUT, 1, 1, "", false, false),
                new ModbusPoint("passages", ModbusTable.INPUT_REGISTER, 0, 1, "", false, true));
        assertThat(gate.permit()).contains(gate.points().getFirst());
        // the permit coil is written, not polled: one read of discrete inputs 0-1, one of input register 0
        assertThat(ReadBlock.plan(gate)).extracting(ReadBlock::table, ReadBlock::start, ReadBlock::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ModbusTable.DISCRETE_INPUT, 0, 2),
                        org.assertj.core.groups.Tuple.tuple(ModbusTable.INPUT_REGISTER, 0, 1));
    }

    @Test
    void environmentMapOfTheBrief() {
        ModbusDeviceSettings env = ModbusDeviceSettings.environment("env-1", 2, Duration.ofSeconds(1));
        assertThat(env.points()).containsExactly(
                new ModbusPoint("temperature", ModbusTable.INPUT_REGISTER, 0, 0.1, "C", true, false),
                new ModbusPoint("humidity", ModbusTable.INPUT_REGISTER, 1, 0.1, "%", false, false),
                new ModbusPoint("leak", ModbusTable.DISCRETE_INPUT, 0, 1, "", false, false),
                new ModbusPoint("smoke", ModbusTable.DISCRETE_INPUT, 1, 1, "", false, false),
                new ModbusPoint("power", ModbusTable.DISCRETE_INPUT, 2, 1, "", false, false));
        assertThat(env.permit()).isEmpty();
        assertThat(ReadBlock.plan(env)).hasSize(2);
    }

    @Test
    void scalingIsExactForDecimalScalesAndSignedIsTwosComplement() {
        ModbusPoint temperature = ModbusPoint.inputRegister("temperature", 0, 0.1, "C", true);
        assertThat(temperature.scaled(235)).isEqualTo(23.5);
        assertThat(temperature.scaled(3)).isEqualTo(0.3);
        assertThat(temperature.scaled(0xFF38)).isEqualTo(-20.0);
        assertThat(temperature.scaled(0x8000)).isEqualTo(-3276.8);
        ModbusPoint unsigned = ModbusPoint.inputRegister("humidity", 1, 0.1, "%", false);
        assertThat(unsigned.scaled(0xFF38)).isEqualTo(6533.6);
        ModbusPoint doubled = ModbusPoint.inputRegister("flow", 2, 2.5, "l/min", false);
        assertThat(doubled.scaled(4)).isEqualTo(10.0);
        assertThat(ModbusPoint.counter("passages", 0).counterInput()).isEqualTo("passage");
        assertThat(ModbusPoint.counter("cycles", 1).counterInput()).isEqualTo("cycles");
    }

    @Test
    void readsAreGroupedWithinTheProtocolLimits() {
        ModbusDeviceSettings wide = new ModbusDeviceSettings("meter", 9, Duration.ofSeconds(1), List.of(
                ModbusPoint.inputRegister("a", 0, 1, "", false),
                ModbusPoint.inputRegister("b", 124, 1, "", false),
                ModbusPoint.inputRegister("c", 125, 1, "", false),
                new ModbusPoint("d", ModbusTable.HOLDING_REGISTER, 7, 1, "", false, false),
                ModbusPoint.coil("alarm", 3)));
        assertThat(ReadBlock.plan(wide)).extracting(ReadBlock::table, ReadBlock::start, ReadBlock::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ModbusTable.COIL, 3, 1),
                        org.assertj.core.groups.Tuple.tuple(ModbusTable.INPUT_REGISTER, 0, 125),
                        org.assertj.core.groups.Tuple.tuple(ModbusTable.INPUT_REGISTER, 125, 1),
                        org.assertj.core.groups.Tuple.tuple(ModbusTable.HOLDING_REGISTER, 7, 1));
        ModbusDeviceSettings permitOnly = new ModbusDeviceSettings("barrier", 4, Duration.ofSeconds(1),
                List.of(ModbusPoint.coil("permit", 5)));
        assertThat(ReadBlock.plan(permitOnly)).singleElement()
                .satisfies(b -> assertThat(b.request(4)).isEqualTo(new dev.warden.codec.modbus.ModbusRequest.ReadCoils(4, 5, 1)));
    }

    @Test
    void invalidSettingsAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> ModbusDeviceSettings.turnstile("g", 0, Duration.ofSeconds(1)))
                .hasMessageContaining("unit id must be 1..247");
        assertThatThrownBy(() -> ModbusDeviceSettings.turnstile("g", 1, Duration.ZERO))
                .hasMessageContaining("poll interval");
        assertThatThrownBy(() -> new ModbusDeviceSettings("g", 1, Duration.ofSeconds(1),
                List.of(ModbusPoint.coil("x", 0), ModbusPoint.discreteInput("x", 1))))
                .hasMessageContaining("two points named x");
        assertThatThrownBy(() -> new ModbusDeviceSettings("g", 1, Duration.ofSeconds(1), List.of()))
                .hasMessageContaining("at least one point");
        assertThatThrownBy(() -> new ModbusPoint("c", ModbusTable.DISCRETE_INPUT, 0, 1, "", false, true))
                .hasMessageContaining("cannot be signed or a counter");
        assertThatThrownBy(() -> new ModbusPoint("r", ModbusTable.INPUT_REGISTER, 70_000, 1, "", false, false))
                .hasMessageContaining("register must be 0..65535");
        assertThatThrownBy(() -> new ModbusPoint("r", ModbusTable.INPUT_REGISTER, 0, 0, "", false, false))
                .hasMessageContaining("scale");
        assertThatThrownBy(() -> ModbusBus.start("b", List.of(ModbusDeviceSettings.turnstile("a", 1, Duration.ofSeconds(1)),
                ModbusDeviceSettings.environment("b", 1, Duration.ofSeconds(1))), null, null, null))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void interFrameSilenceIsThreeAndAHalfCharactersOfElevenBits() {
        assertThat(ModbusTiming.forBaud(9_600).interFrameSilence().toNanos()).isEqualTo(4_010_417);
        assertThat(ModbusTiming.forBaud(19_200).interFrameSilence().toNanos()).isEqualTo(2_005_208);
        assertThat(ModbusTiming.forBaud(38_400).interFrameSilence()).isEqualTo(Duration.ofNanos(1_750_000));
        assertThat(ModbusTiming.forBaud(115_200).interFrameSilence()).isEqualTo(Duration.ofNanos(1_750_000));
        assertThat(ModbusTiming.forBaud(19_200).drainQuiet()).isEqualTo(Duration.ofMillis(20));
        assertThat(ModbusTiming.forBaud(300).drainQuiet()).isEqualTo(Duration.ofNanos(128_333_333));
        assertThat(ModbusTiming.forBaud(19_200).replyTimeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(ModbusTiming.forBaud(19_200).retries()).isEqualTo(2);
    }
}
