package dev.warden.controller.broker;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code warden.mqtt.embedded.*}: the MQTT 5 broker the controller runs in-process.
 *
 * <ul>
 *   <li>{@code enabled} (true) – start it; it is also skipped when {@code warden.mqtt.external.uri} is set
 *   <li>{@code host} (127.0.0.1) – bind address of the listeners; with TLS on, the plain listener binds to
 *       127.0.0.1 only (for the controller's own client) unless {@code plain-enabled}
 *   <li>{@code plain-enabled} (false) – with TLS on, also open the plain (unencrypted) listener on {@code host}
 *   <li>{@code port} (1883; 0 in the {@code test} environment) – plain MQTT port, 0 = a free random port
 *   <li>{@code persistence} (file) – {@code file} or {@code in-memory} session/queue storage
 *   <li>{@code max-queue-size} (100000) – messages the broker keeps per offline persistent session (HiveMQ's
 *       default of 1000 would drop agent events while no controller is connected)
 *   <li>{@code auth-threads} (2) – threads that check device passwords (PBKDF2) off the broker's threads
 *   <li>{@code tls.enabled} (false), {@code tls.port} (8883), {@code tls.keystore-path}, {@code tls.keystore-password},
 *       {@code tls.private-key-password} (defaults to the keystore password) – an MQTT over TLS listener (JKS or
 *       PKCS#12 keystore)
 * </ul>
 */
@ConfigurationProperties("warden.mqtt.embedded")
public class EmbeddedBrokerConfig {

    public static final int DEFAULT_PORT = 1883;

    private boolean enabled = true;
    private String host = "127.0.0.1";
    private @Nullable Integer port;
    private String persistence = "file";
    private int authThreads = 2;
    private long maxQueueSize = 100_000;
    private Tls tls = new Tls();
    private boolean plainEnabled;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isPlainEnabled() {
        return plainEnabled;
    }

    public void setPlainEnabled(boolean plainEnabled) {
        this.plainEnabled = plainEnabled;
    }

    /** Where the plain listener binds (see {@link BrokerConfigXml#plainBindAddress}). */
    String plainHost() {
        return BrokerConfigXml.plainBindAddress(host, tls.isEnabled(), plainEnabled);
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    /** The configured port, or null when none was configured. */
    public @Nullable Integer getPort() {
        return port;
    }

    public void setPort(@Nullable Integer port) {
        this.port = port;
    }

    public String getPersistence() {
        return persistence;
    }

    public void setPersistence(String persistence) {
        this.persistence = persistence;
    }

    public int getAuthThreads() {
        return authThreads;
    }

    public void setAuthThreads(int authThreads) {
        this.authThreads = authThreads;
    }

    public long getMaxQueueSize() {
        return maxQueueSize;
    }

    public void setMaxQueueSize(long maxQueueSize) {
        this.maxQueueSize = maxQueueSize;
    }

    public Tls getTls() {
        return tls;
    }

    public void setTls(Tls tls) {
        this.tls = tls;
    }

    /** {@code warden.mqtt.embedded.tls.*}. */
    @ConfigurationProperties("tls")
    public static class Tls {
        private boolean enabled;
        private int port = 8883;
        private @Nullable String keystorePath;
        private @Nullable String keystorePassword;
        private @Nullable String privateKeyPassword;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public @Nullable String getKeystorePath() {
            return keystorePath;
        }

        public void setKeystorePath(@Nullable String keystorePath) {
            this.keystorePath = keystorePath;
        }

        public @Nullable String getKeystorePassword() {
            return keystorePassword;
        }

        public void setKeystorePassword(@Nullable String keystorePassword) {
            this.keystorePassword = keystorePassword;
        }

        public @Nullable String getPrivateKeyPassword() {
            return privateKeyPassword;
        }

        public void setPrivateKeyPassword(@Nullable String privateKeyPassword) {
            this.privateKeyPassword = privateKeyPassword;
        }

        @Override
        public String toString() {
            return "Tls[enabled=" + enabled + ", port=" + port + ", keystorePath=" + keystorePath + "]";
        }
    }
}
