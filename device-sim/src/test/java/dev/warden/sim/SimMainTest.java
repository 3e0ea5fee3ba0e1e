package dev.warden.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SimMainTest {

    @Test
    void exitsWithUsageOrConfigError() {
        assertThat(SimMain.run(new String[0])).isEqualTo(2);
        assertThat(SimMain.run(new String[] {"--config", "no/such/sim.yaml"})).isEqualTo(2);
    }

    @Test
    void readsBothArgumentForms() {
        assertThat(SimMain.configArgument(new String[] {"--config", "a.yaml"})).isEqualTo(Path.of("a.yaml"));
        assertThat(SimMain.configArgument(new String[] {"--config=b.yaml"})).isEqualTo(Path.of("b.yaml"));
    }
}
