package dev.warden.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.controller.mqtt.DeviceAcls;
import dev.warden.controller.mqtt.TestMqttClients;
import dev.warden.controller.mqtt.TestMqttClients.Device;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Verifies how the embedded broker starts and stops: random port, folders, config, a taken port, restart. */
class EmbeddedBrokerStartupIT {

    @Test
    void portZeroPicksAFreePortAndWritesItsOwnConfig() throws Exception {
        try (BrokerFixture fx = BrokerFixture.start()) {
            assertThat(fx.broker.port()).isPositive();
            assertThat(fx.broker.isRunning()).isTrue();
            assertThat(fx.uri()).isEqualTo("tcp://127.0.0.1:" + fx.broker.port());
            String xml = Files.readString(fx.dir.resolve("conf/config.xml"), StandardCharsets.UTF_8);
            assertThat(xml)
                    .contains("<port>" + fx.broker.port() + "</port>")
                    .contains("<bind-address>127.0.0.1</bind-address>")
                    .contains("<anonymous-usage-statistics>")
                    .contains("<enabled>false</enabled>");
            assertThat(fx.dir.resolve("data")).isDirectory();
            assertThat(fx.dir.resolve("extensions")).isDirectory();
        }
    }

    @Test
    void aTakenPortFailsStartUpWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();
            EmbeddedBrokerConfig config = new EmbeddedBrokerConfig();
            config.setPort(port);
            config.setPersistence("in-memory");
            try (BrokerFixture fx = BrokerFixture.unstarted(config)) {
                assertThatThrownBy(fx.broker::start)
                        .isInstanceOf(BrokerStartupException.class)
                        .hasMessageContaining("port " + port + " is in use")
                        .hasMessageContaining("set warden.mqtt.embedded.port");
                assertThat(fx.broker.isRunning()).isFalse();
            }
        }
    }

    @Test
    void stopReleasesThePortSoTheBrokerCanStartAgainOnIt() throws Exception {
        int port;
        try (BrokerFixture first = BrokerFixture.start()) {
            port = first.broker.port();
        }
        EmbeddedBrokerConfig config = new EmbeddedBrokerConfig();
        config.setPort(port);
        config.setPersistence("in-memory");
        try (BrokerFixture second = BrokerFixture.unstarted(config)) {
            second.broker.start();
            DeviceAcls.Acl acl = DeviceAcls.reader("R1");
            second.accounts.upsert("reader-R1", "reader-one-secret", acl.publish(), acl.subscribe());
            try (Device d = TestMqttClients.connect(second.uri(), "reader-R1", "reader-R1", "reader-one-secret")) {
                assertThat(d.client.isConnected()).isTrue();
            }
            second.broker.close();
            second.broker.close();
            assertThat(second.broker.isRunning()).isFalse();
        }
    }
}
