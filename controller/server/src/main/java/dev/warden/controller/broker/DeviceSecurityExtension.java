package dev.warden.controller.broker;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionAttributeStore;
import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.session.ClientService;
import dev.warden.controller.mqtt.MqttAccount;
import dev.warden.controller.mqtt.MqttAccounts;
import dev.warden.controller.mqtt.MqttIngressStats;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's security, as a HiveMQ embedded extension: no anonymous clients, username/password checked against
 * {@link MqttAccounts}, every PUBLISH, Will and SUBSCRIBE of a device confined to its account's topic filters.
 *
 * <p>Denials follow HiveMQ's behaviour: a refused CONNECT gets a CONNACK with a reason code; a refused PUBLISH gets
 * a PUBACK {@code NOT_AUTHORIZED} (MQTT 5, QoS ≥ 1; HiveMQ disconnects where the protocol has no negative ack); a
 * refused SUBSCRIBE gets a SUBACK {@code NOT_AUTHORIZED}. A device whose account is disabled, deleted or whose
 * filters changed is disconnected at once. A device's client id must be its username or start with its username and
 * {@code -} ({@link #ownsClientId}); anything else is refused with CONNACK {@code CLIENT_IDENTIFIER_NOT_VALID}.
 * Every denial is counted in {@link MqttIngressStats} and logged (rate limited) with client id, username and topic —
 * never a password or payload.
 */
final class DeviceSecurityExtension implements ExtensionMain {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSecurityExtension.class);
    static final String ATTR_USER = "warden.user";
    static final String ATTR_INTERNAL = "warden.internal";
    static final String ATTR_CONNECTION = "warden.connection";
    private static final Duration AUTH_TIMEOUT = Duration.ofSeconds(10);

    private final MqttAccounts accounts;
    private final InternalAccount internal;
    private final MqttIngressStats stats;
    private final ExecutorService authExecutor;
    private final RateLimitedLog securityLog = new RateLimitedLog(LOG, 20);
    /** clientId → (username, connection token) of authenticated device connections, to disconnect on account change. */
    private final ConcurrentHashMap<String, Connected> connected = new ConcurrentHashMap<>();
    private final java.util.function.Consumer<MqttAccounts.Change> changeListener = this::onAccountChange;
    private volatile ClientService clientService;

    private record Connected(String username, String token) {}

    DeviceSecurityExtension(
            MqttAccounts accounts, InternalAccount internal, MqttIngressStats stats, ExecutorService authExecutor) {
        this.accounts = accounts;
        this.internal = internal;
        this.stats = stats;
        this.authExecutor = authExecutor;
        accounts.addChangeListener(changeListener);
    }

    /** Stops listening to account changes (the broker stopped for good). */
    void detach() {
        accounts.removeChangeListener(changeListener);
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        Authenticator authenticator = new Authenticator();
        Authorizer authorizer = new Authorizer();
        Lifecycle lifecycle = new Lifecycle();
        Services.securityRegistry().setAuthenticatorProvider(in -> authenticator);
        Services.securityRegistry().setAuthorizerProvider(in -> authorizer);
        Services.eventRegistry().setClientLifecycleEventListener(in -> lifecycle);
        clientService = Services.clientService();
        LOG.debug("Warden device security extension started");
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        connected.clear();
        clientService = null;
    }

    private void onAccountChange(MqttAccounts.Change change) {
        Optional<MqttAccount> after = change.after();
        boolean stillSame = after.isPresent()
                && after.get().enabled()
                && change.before().isPresent()
                && change.before().get().publishFilters().equals(after.get().publishFilters())
                && change.before().get().subscribeFilters().equals(after.get().subscribeFilters());
        ClientService service = clientService;
        if (stillSame || service == null) {
            return;
        }
        connected.forEach((clientId, c) -> {
            if (c.username().equals(change.username())) {
                LOG.info("Disconnecting MQTT client {}: account {} changed", clientId, c.username());
                service.disconnectClient(clientId, false, DisconnectReasonCode.NOT_AUTHORIZED, "account changed");
            }
        });
    }

    private final class Authenticator implements SimpleAuthenticator {
        @Override
        public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
            String clientId = input.getClientInformation().getClientId();
            Optional<String> username = input.getConnectPacket().getUserName();
            Optional<ByteBuffer> password = input.getConnectPacket().getPassword();
            if (username.isEmpty() || password.isEmpty()) {
                deny(output, clientId, username.orElse(""), "NO_CREDENTIALS",
                        ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "username and password are required");
                return;
            }
            String user = username.get();
            byte[] secret = bytes(password.get());
            ConnectionAttributeStore attributes = input.getConnectionInformation().getConnectionAttributeStore();
            try {
                if (internal.matches(user, secret)) {
                    attributes.putAsString(ATTR_INTERNAL, "true");
                    attributes.putAsString(ATTR_USER, user);
                    stats.authSucceeded();
                    output.authenticateSuccessfully();
                    return;
                }
                if (clientId.startsWith(InternalAccount.RESERVED_CLIENT_ID_PREFIX)) {
                    deny(output, clientId, user, "RESERVED_CLIENT_ID", ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID,
                            "client ids starting with " + InternalAccount.RESERVED_CLIENT_ID_PREFIX + " are reserved");
                    return;
                }
                if (!ownsClientId(user, clientId)) {
                    deny(output, clientId, user, "CLIENT_ID_NOT_OWNED", ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID,
                            "the client id must be the username or start with the username followed by '-'");
                    return;
                }
                String secretText = new String(secret, StandardCharsets.UTF_8);
                Async<SimpleAuthOutput> async =
                        output.async(AUTH_TIMEOUT, TimeoutFallback.FAILURE, ConnackReasonCode.SERVER_BUSY,
                                "authentication timed out");
                try {
                    authExecutor.execute(() -> {
                        try {
                            checkDevice(clientId, user, secretText, attributes, async.getOutput());
                        } finally {
                            async.resume();
                        }
                    });
                } catch (RejectedExecutionException e) {
                    deny(output, clientId, user, "BUSY", ConnackReasonCode.SERVER_BUSY, "server busy, retry later");
                    async.resume();
                }
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        }

        private void checkDevice(String clientId, String user, String secret, ConnectionAttributeStore attributes,
                SimpleAuthOutput output) {
            try {
                Optional<MqttAccount> account = accounts.authenticate(user, secret);
                if (account.isEmpty()) {
                    deny(output, clientId, user, "BAD_CREDENTIALS", ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD,
                            "bad username or password");
                    return;
                }
                String token = UUID.randomUUID().toString();
                attributes.putAsString(ATTR_USER, user);
                attributes.putAsString(ATTR_CONNECTION, token);
                connected.put(clientId, new Connected(user, token));
                output.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
                stats.authSucceeded();
                output.authenticateSuccessfully();
            } catch (RuntimeException e) {
                LOG.error("MQTT authentication of client {} (user {}) failed: {}", clientId, user, e.toString());
                deny(output, clientId, user, "ERROR", ConnackReasonCode.SERVER_UNAVAILABLE,
                        "authentication unavailable");
            }
        }

        private void deny(SimpleAuthOutput output, String clientId, String user, String reason,
                ConnackReasonCode code, String message) {
            stats.authFailed(reason);
            securityLog.warn("MQTT connect refused: client={} user={} reason={}", clientId, user, reason);
            output.failAuthentication(code, message);
        }
    }

    private final class Authorizer implements PublishAuthorizer, SubscriptionAuthorizer {
        @Override
        public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
            ConnectionAttributeStore attributes = input.getConnectionInformation().getConnectionAttributeStore();
            if (isInternal(attributes)) {
                output.authorizeSuccessfully();
                return;
            }
            String clientId = input.getClientInformation().getClientId();
            String topic = input.getPublishPacket().getTopic();
            Optional<MqttAccount> account = account(attributes, clientId);
            if (account.isEmpty() || !account.get().enabled()) {
                stats.aclDenied("PUBLISH");
                securityLog.warn("MQTT publish refused, account gone or disabled: client={} topic={}", clientId, topic);
                output.disconnectClient(DisconnectReasonCode.NOT_AUTHORIZED, "account disabled");
                return;
            }
            if (account.get().mayPublish(topic)) {
                output.authorizeSuccessfully();
                return;
            }
            stats.aclDenied("PUBLISH");
            securityLog.warn("MQTT publish refused by ACL: client={} user={} topic={}",
                    clientId, account.get().username(), topic);
            output.failAuthorization(AckReasonCode.NOT_AUTHORIZED, "not allowed to publish to this topic");
        }

        @Override
        public void authorizeSubscribe(SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
            ConnectionAttributeStore attributes = input.getConnectionInformation().getConnectionAttributeStore();
            if (isInternal(attributes)) {
                output.authorizeSuccessfully();
                return;
            }
            String clientId = input.getClientInformation().getClientId();
            String filter = input.getSubscription().getTopicFilter();
            Optional<MqttAccount> account = account(attributes, clientId);
            if (account.isEmpty() || !account.get().enabled()) {
                stats.aclDenied("SUBSCRIBE");
                securityLog.warn("MQTT subscribe refused, account gone or disabled: client={} filter={}",
                        clientId, filter);
                output.disconnectClient(DisconnectReasonCode.NOT_AUTHORIZED, "account disabled");
                return;
            }
            if (account.get().maySubscribe(filter)) {
                output.authorizeSuccessfully();
                return;
            }
            stats.aclDenied("SUBSCRIBE");
            securityLog.warn("MQTT subscribe refused by ACL: client={} user={} filter={}",
                    clientId, account.get().username(), filter);
            output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, "not allowed to subscribe to this filter");
        }

        private boolean isInternal(ConnectionAttributeStore attributes) {
            return attributes.getAsString(ATTR_INTERNAL).isPresent();
        }

        private Optional<MqttAccount> account(ConnectionAttributeStore attributes, String clientId) {
            Optional<String> user = attributes.getAsString(ATTR_USER);
            if (user.isEmpty()) {
                return Optional.empty();
            }
            try {
                return accounts.find(user.get());
            } catch (RuntimeException e) {
                LOG.error("MQTT authorization of client {} could not read its account: {}", clientId, e.toString());
                return Optional.empty();
            }
        }
    }

    private final class Lifecycle implements ClientLifecycleEventListener {
        @Override
        public void onMqttConnectionStart(ConnectionStartInput input) {
            // nothing to do: authentication follows
        }

        @Override
        public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
            // recorded by the authenticator, which knows the account
        }

        @Override
        public void onDisconnect(DisconnectEventInput input) {
            String clientId = input.getClientInformation().getClientId();
            Optional<String> token =
                    input.getConnectionInformation().getConnectionAttributeStore().getAsString(ATTR_CONNECTION);
            // a session takeover authenticates the new connection before the old one goes: keep the new entry
            token.ifPresent(t -> connected.computeIfPresent(clientId, (id, c) -> c.token().equals(t) ? null : c));
        }
    }

    /**
     * A device's client id must be its username, or its username followed by {@code -} and anything: otherwise one
     * authenticated account could connect with another's client id (clean start false) and inherit its persistent
     * session, its subscriptions and its queued messages.
     */
    static boolean ownsClientId(String username, String clientId) {
        return clientId.equals(username)
                || (clientId.length() > username.length() + 1
                        && clientId.startsWith(username)
                        && clientId.charAt(username.length()) == '-');
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.asReadOnlyBuffer();
        copy.rewind();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }
}
