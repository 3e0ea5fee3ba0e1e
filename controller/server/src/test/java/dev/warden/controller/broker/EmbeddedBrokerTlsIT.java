package dev.warden.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.contract.Topics;
import dev.warden.controller.mqtt.ControllerMqttClient;
import dev.warden.controller.mqtt.DeviceAcls;
import dev.warden.controller.mqtt.MqttSettings;
import dev.warden.controller.mqtt.TestMqttClients;
import dev.warden.controller.mqtt.TestMqttClients.Device;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Verifies the optional TLS listener: a keystore made with the JDK's keytool, the broker listening on TLS beside the
 * plain port, and the controller's client connecting over {@code ssl://} with a trust store and host name
 * verification, as it would to an external broker. The keystore password never reaches the broker's config file.
 */
class EmbeddedBrokerTlsIT {

    private static final String STORE_PASSWORD = "store-pass-" + Long.toHexString(System.nanoTime());

    @Test
    void devicesAndTheControllerConnectOverTls() throws Exception {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Path keys = Files.createTempDirectory("warden-tls-");
        Path keystore = keys.resolve("broker.p12");
        try {
            keytool(keystore);
            runBrokerWithTls(keystore);
        } finally {
            Files.deleteIfExists(keystore);
            Files.deleteIfExists(keys);
        }
    }

    private static void runBrokerWithTls(Path keystore) throws Exception {

        EmbeddedBrokerConfig config = new EmbeddedBrokerConfig();
        config.setPort(0);
        config.setPersistence("in-memory");
        config.getTls().setEnabled(true);
        config.getTls().setPort(0);
        config.getTls().setKeystorePath(keystore.toString());
        config.getTls().setKeystorePassword(STORE_PASSWORD);
        try (BrokerFixture fx = BrokerFixture.unstarted(config)) {
            fx.broker.start();
            int tlsPort = fx.broker.tlsPort().orElseThrow();
            assertThat(tlsPort).isNotEqualTo(fx.broker.port());
            String xml = Files.readString(fx.dir.resolve("conf/config.xml"), StandardCharsets.UTF_8);
            assertThat(xml).contains("<tls-tcp-listener>").doesNotContain(STORE_PASSWORD);
            assertThat(System.getProperties().stringPropertyNames())
                    .noneMatch(name -> name.startsWith("warden.broker.keystore"));

            DeviceAcls.Acl acl = DeviceAcls.reader("R1");
            fx.accounts.upsert("reader-R1", "reader-one-secret", acl.publish(), acl.subscribe());

            MqttSettings settings = new MqttSettings();
            settings.setClientId("warden-controller-tls-it");
            settings.getExternal().setUri("ssl://127.0.0.1:" + tlsPort);
            settings.getExternal().setUsername(fx.broker.internalUsername());
            settings.getExternal().setPassword(fx.internalSecret());
            settings.getExternal().setTruststorePath(keystore.toString());
            settings.getExternal().setTruststorePassword(STORE_PASSWORD);
            BlockingQueue<ControllerMqttClient.Inbound> inbox = new LinkedBlockingQueue<>();
            try (ControllerMqttClient client = new ControllerMqttClient(settings, null, fx.stats)) {
                client.start(List.of(Topics.ALL_READER_READS), List.of(), m -> {
                    inbox.add(m);
                    m.ack();
                }, Duration.ofSeconds(15));
                assertThat(client.isConnected()).isTrue();

                try (Device r1 = TestMqttClients.connect(fx.uri(), "reader-R1", "reader-R1", "reader-one-secret")) {
                    assertThat(r1.publish(Topics.readerRead("R1"), "over plain".getBytes(StandardCharsets.UTF_8)))
                            .isZero();
                }
                ControllerMqttClient.Inbound got = inbox.poll(10, TimeUnit.SECONDS);
                assertThat(got).isNotNull();
                assertThat(new String(got.payload(), StandardCharsets.UTF_8)).isEqualTo("over plain");
            }
        }
    }

    private static void keytool(Path keystore) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "broker", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }
}
