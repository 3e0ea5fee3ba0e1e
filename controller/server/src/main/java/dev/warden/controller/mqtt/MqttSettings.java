package dev.warden.controller.mqtt;

import dev.warden.contract.Topics;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * {@code warden.mqtt.*}: the controller's MQTT client and adapters.
 *
 * <ul>
 *   <li>{@code enabled} (true) – false turns off the broker, the client and the adapters
 *   <li>{@code client-id} (warden-controller-&lt;host name&gt;) – must be stable per instance (persistent session) and
 *       distinct between instances that share an external broker
 *   <li>{@code session-expiry} (1h) – how long the broker keeps the controller's session and queued messages
 *   <li>{@code keep-alive} (30s), {@code connect-timeout} (10s)
 *   <li>{@code share-group} (warden-controllers) – MQTT 5 shared subscription group; empty = plain subscriptions
 *   <li>{@code decision-expiry} (10s) – message expiry of decisions: a late decision must not open a door
 *   <li>{@code command-expiry} (60s) – message expiry of door commands
 *   <li>{@code decision-threads} (4), {@code event-lanes} (2) – workers for decisions, and single-threaded lanes for
 *       agent events and status (one agent always on the same lane, so its events stay in order)
 *   <li>{@code receive-maximum} (1000) – QoS 1/2 messages the broker may send before the controller acknowledges
 *   <li>{@code event-retry-budget} (30s) – how long, in delays between attempts, storing one agent event is retried
 *       while the database fails; then the event stays unacknowledged and the client reconnects for redelivery
 *   <li>{@code external.uri} – {@code tcp://host:1883} or {@code ssl://host:8883} of an external broker (then no
 *       embedded broker is started); {@code external.username}, {@code external.password},
 *       {@code external.truststore-path}, {@code external.truststore-password} (PKCS#12 or JKS, for ssl://)
 * </ul>
 */
@ConfigurationProperties("warden.mqtt")
public class MqttSettings {

    private boolean enabled = true;
    private @Nullable String clientId;
    private Duration sessionExpiry = Duration.ofHours(1);
    private Duration keepAlive = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private String shareGroup = Topics.CONTROLLER_SHARE_GROUP;
    private Duration decisionExpiry = Duration.ofSeconds(10);
    private Duration commandExpiry = Duration.ofSeconds(60);
    private int decisionThreads = 4;
    private int eventLanes = 2;
    private int receiveMaximum = 1000;
    private Duration eventRetryBudget = Duration.ofSeconds(30);
    private External external = new External();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public @Nullable String getClientId() {
        return clientId;
    }

    public void setClientId(@Nullable String clientId) {
        this.clientId = clientId;
    }

    public Duration getSessionExpiry() {
        return sessionExpiry;
    }

    public void setSessionExpiry(Duration sessionExpiry) {
        this.sessionExpiry = sessionExpiry;
    }

    public Duration getKeepAlive() {
        return keepAlive;
    }

    public void setKeepAlive(Duration keepAlive) {
        this.keepAlive = keepAlive;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getShareGroup() {
        return shareGroup;
    }

    public void setShareGroup(String shareGroup) {
        this.shareGroup = shareGroup == null ? "" : shareGroup;
    }

    public Duration getDecisionExpiry() {
        return decisionExpiry;
    }

    public void setDecisionExpiry(Duration decisionExpiry) {
        this.decisionExpiry = decisionExpiry;
    }

    public Duration getCommandExpiry() {
        return commandExpiry;
    }

    public void setCommandExpiry(Duration commandExpiry) {
        this.commandExpiry = commandExpiry;
    }

    public int getDecisionThreads() {
        return decisionThreads;
    }

    public void setDecisionThreads(int decisionThreads) {
        this.decisionThreads = decisionThreads;
    }

    public int getEventLanes() {
        return eventLanes;
    }

    public void setEventLanes(int eventLanes) {
        this.eventLanes = eventLanes;
    }

    public int getReceiveMaximum() {
        return receiveMaximum;
    }

    public void setReceiveMaximum(int receiveMaximum) {
        this.receiveMaximum = receiveMaximum;
    }

    public Duration getEventRetryBudget() {
        return eventRetryBudget;
    }

    public void setEventRetryBudget(Duration eventRetryBudget) {
        this.eventRetryBudget = eventRetryBudget;
    }

    public External getExternal() {
        return external;
    }

    public void setExternal(External external) {
        this.external = external;
    }

    /** {@code warden.mqtt.external.*}: an external broker instead of the embedded one. */
    @ConfigurationProperties("external")
    public static class External {
        private @Nullable String uri;
        private @Nullable String username;
        private @Nullable String password;
        private @Nullable String truststorePath;
        private @Nullable String truststorePassword;

        public @Nullable String getUri() {
            return uri;
        }

        public void setUri(@Nullable String uri) {
            this.uri = uri;
        }

        public @Nullable String getUsername() {
            return username;
        }

        public void setUsername(@Nullable String username) {
            this.username = username;
        }

        public @Nullable String getPassword() {
            return password;
        }

        public void setPassword(@Nullable String password) {
            this.password = password;
        }

        public @Nullable String getTruststorePath() {
            return truststorePath;
        }

        public void setTruststorePath(@Nullable String truststorePath) {
            this.truststorePath = truststorePath;
        }

        public @Nullable String getTruststorePassword() {
            return truststorePassword;
        }

        public void setTruststorePassword(@Nullable String truststorePassword) {
            this.truststorePassword = truststorePassword;
        }

        @Override
        public String toString() {
            return "External[uri=" + uri + ", username=" + username + "]";
        }
    }
}
