package dev.warden.agent.testing;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real MQTT 5 broker (HiveMQ CE embedded) on a free port of 127.0.0.1, in-memory, no authentication, with its
 * own config and data folders under {@code target/}. Close it to stop it.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private final EmbeddedHiveMQ hivemq;
    private final int port;

    private EmbeddedBroker(EmbeddedHiveMQ hivemq, int port) {
        this.hivemq = hivemq;
        this.port = port;
    }

    public static EmbeddedBroker start() {
        try {
            return startOn(freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a broker on a given port, e.g. again on the port of one that was stopped. */
    public static EmbeddedBroker startOn(int port) {
        try {
            Path base = Files.createDirectories(Path.of("target", "hivemq")).toAbsolutePath();
            return startIn(Files.createTempDirectory(base, "broker-"), port, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a broker in {@code home} on {@code port}; {@code persistent} keeps sessions and queued messages in files
     * under {@code home}, so a broker started again in the same folder carries on where the stopped one was. Up to
     * 100,000 messages are queued per offline client, as on the controller's broker.
     */
    public static EmbeddedBroker startIn(Path home, int port, boolean persistent) {
        try {
            Path conf = Files.createDirectories(home.resolve("conf"));
            Files.writeString(conf.resolve("config.xml"), """
                    <?xml version="1.0"?>
                    <hivemq>
                      <listeners>
                        <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                      </listeners>
                      <persistence><mode>%s</mode></persistence>
                      <mqtt>
                        <!-- as the controller's broker: Paho 1.2.5 cannot resend aliased messages after a reconnect -->
                        <topic-alias><enabled>false</enabled></topic-alias>
                        <queued-messages><max-queue-size>100000</max-queue-size></queued-messages>
                      </mqtt>
                      <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                    </hivemq>
                    """.formatted(port, persistent ? "file" : "in-memory"));
            EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(Files.createDirectories(home.resolve("data")))
                    .withExtensionsFolder(Files.createDirectories(home.resolve("extensions")))
                    .withoutLoggingBootstrap()
                    .withEmbeddedExtension(EmbeddedExtension.builder()
                            .withId("warden-test-broker-control")
                            .withName("test broker control")
                            .withVersion("1")
                            .withExtensionMain(new ExtensionMain() {
                                @Override
                                public void extensionStart(ExtensionStartInput in, ExtensionStartOutput out) {}

                                @Override
                                public void extensionStop(ExtensionStopInput in, ExtensionStopOutput out) {}
                            })
                            .build())
                    .build();
            hivemq.start().get(60, TimeUnit.SECONDS);
            return new EmbeddedBroker(hivemq, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("embedded HiveMQ did not start", e);
        }
    }

    /**
     * Drops a client's connection from the broker side without a clean DISCONNECT from the client, as a crash or a
     * network failure would: its Last Will is published.
     */
    public void dropConnectionOf(String clientId) {
        try {
            boolean found = Services.clientService().disconnectClient(clientId, false).get(10, TimeUnit.SECONDS);
            if (!found) {
                throw new IllegalStateException("no connected client " + clientId);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not disconnect " + clientId, e);
        }
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            hivemq.stop().get(30, TimeUnit.SECONDS);
            hivemq.close();
        } catch (Exception e) {
            throw new IllegalStateException("embedded HiveMQ did not stop cleanly", e);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
