package dev.warden.ui.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ControllerConnectionTest {

    @Test
    void aTrailingSlashIsDroppedSoPathsJoinCleanly() {
        ControllerConnection connection = ControllerConnection.to(" http://127.0.0.1:8081/ ");

        assertThat(connection.resolve("/api/v1/doors")).isEqualTo(URI.create("http://127.0.0.1:8081/api/v1/doors"));
    }

    @Test
    void aUrlThatIsNotHttpIsRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> ControllerConnection.to("127.0.0.1:8081"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warden.controller.url");
        assertThatThrownBy(() -> ControllerConnection.to("controller.local:8081"))
                .hasMessageContaining("warden.controller.url");
        assertThatThrownBy(() -> ControllerConnection.to("ftp://controller"))
                .hasMessageContaining("warden.controller.url");
        assertThatThrownBy(() -> ControllerConnection.to("http://bad host"))
                .hasMessageContaining("warden.controller.url");
    }
}
