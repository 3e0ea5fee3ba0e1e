package dev.warden.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AgentMainTest {

    @Test
    void withoutAConfigArgumentItExitsWithUsageError() {
        assertThat(AgentMain.run(new String[0])).isEqualTo(2);
        assertThat(AgentMain.run(new String[] {"--config"})).isEqualTo(2);
    }

    @Test
    void anUnreadableConfigExitsWithConfigError() {
        assertThat(AgentMain.run(new String[] {"--config", "no/such/agent.yaml"})).isEqualTo(2);
    }

    @Test
    void readsBothArgumentForms() {
        assertThat(AgentMain.configArgument(new String[] {"--config", "a.yaml"})).isEqualTo(Path.of("a.yaml"));
        assertThat(AgentMain.configArgument(new String[] {"--config=b.yaml"})).isEqualTo(Path.of("b.yaml"));
        assertThat(AgentMain.configArgument(new String[] {"--other"})).isNull();
    }
}
