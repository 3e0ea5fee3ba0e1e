package dev.warden.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.serial.SerialSettings.Parity;
import org.junit.jupiter.api.Test;

/** Verifies the validation and the description of serial line settings. */
class SerialSettingsTest {

    @Test
    void defaultsToEightDataBits() {
        SerialSettings settings = new SerialSettings("/dev/ttyUSB0", 19200, Parity.EVEN, 1, true);
        assertThat(settings.dataBits()).isEqualTo(8);
        assertThat(settings.describe()).isEqualTo("serial:/dev/ttyUSB0@19200-8E1-rs485");
        assertThat(SerialSettings.of("data/demo/dev/osdp-1", 9600).describe()).isEqualTo("serial:data/demo/dev/osdp-1@9600-8N1");
        assertThat(new SerialSettings("/dev/ttyS0", 57600, 7, Parity.ODD, 2, false).describe()).isEqualTo("serial:/dev/ttyS0@57600-7O2");
    }

    @Test
    void rejectsImpossibleSettings() {
        assertThatThrownBy(() -> SerialSettings.of(" ", 9600)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SerialSettings.of(null, 9600)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SerialSettings.of("/dev/ttyS0", 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baud");
        assertThatThrownBy(() -> SerialSettings.of("/dev/ttyS0", 5_000_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SerialSettings("/dev/ttyS0", 9600, 9, Parity.NONE, 1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SerialSettings("/dev/ttyS0", 9600, 4, Parity.NONE, 1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SerialSettings("/dev/ttyS0", 9600, Parity.NONE, 3, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stop bits");
        assertThatThrownBy(() -> new SerialSettings("/dev/ttyS0", 9600, null, 1, false)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void acceptsTheLimits() {
        assertThat(SerialSettings.of("/dev/ttyS0", SerialSettings.MIN_BAUD).baud()).isEqualTo(50);
        assertThat(new SerialSettings("/dev/ttyS0", SerialSettings.MAX_BAUD, 5, Parity.NONE, 2, false).dataBits()).isEqualTo(5);
    }
}
