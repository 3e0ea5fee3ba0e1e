package dev.warden.controller.broker;

import io.micronaut.core.annotation.Nullable;

/**
 * Renders the HiveMQ {@code config.xml} of the embedded broker: one plain listener (on loopback only when TLS is on,
 * unless {@code warden.mqtt.embedded.plain-enabled}), an optional TLS listener,
 * the per-client queue limit (messages kept for an offline persistent session, e.g. the controllers' shared
 * subscription while no controller is connected), persistence mode, anonymous usage statistics off. Keystore passwords are not written: the file names system
 * properties ({@code ${name}}) that hold them only while the broker starts.
 */
final class BrokerConfigXml {

    /** The TLS listener; the passwords are given as the names of system properties. */
    record TlsListener(int port, String keystorePath, String keystorePasswordProperty, String keyPasswordProperty) {}

    private BrokerConfigXml() {}

    /** Without the plain listener opened up by {@code warden.mqtt.embedded.plain-enabled}. */
    static String render(String host, int port, String persistence, long maxQueueSize, @Nullable TlsListener tls) {
        return render(host, port, persistence, maxQueueSize, tls, false);
    }

    /**
     * @param host bind address of the TLS listener, and of the plain one unless {@link #plainBindAddress} keeps that
     *     on loopback
     * @param plainEnabled {@code warden.mqtt.embedded.plain-enabled}: with TLS on, also bind the plain listener to
     *     {@code host}
     */
    static String render(String host, int port, String persistence, long maxQueueSize, @Nullable TlsListener tls,
            boolean plainEnabled) {
        if (maxQueueSize < 1) {
            throw new BrokerStartupException("warden.mqtt.embedded.max-queue-size must be >= 1");
        }
        if (!persistence.equals("file") && !persistence.equals("in-memory")) {
            throw new BrokerStartupException(
                    "warden.mqtt.embedded.persistence must be 'file' or 'in-memory', not '" + persistence + "'");
        }
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\"?>\n");
        xml.append("<!-- Written by the Warden controller at every start; edits are overwritten. -->\n");
        xml.append("<hivemq>\n");
        xml.append("    <listeners>\n");
        xml.append("        <tcp-listener>\n");
        xml.append("            <port>").append(port).append("</port>\n");
        xml.append("            <bind-address>").append(text(plainBindAddress(host, tls != null, plainEnabled)))
                .append("</bind-address>\n");
        xml.append("            <name>warden-mqtt</name>\n");
        xml.append("        </tcp-listener>\n");
        if (tls != null) {
            xml.append("        <tls-tcp-listener>\n");
            xml.append("            <port>").append(tls.port()).append("</port>\n");
            xml.append("            <bind-address>").append(text(host)).append("</bind-address>\n");
            xml.append("            <name>warden-mqtt-tls</name>\n");
            xml.append("            <tls>\n");
            xml.append("                <keystore>\n");
            xml.append("                    <path>").append(text(tls.keystorePath())).append("</path>\n");
            xml.append("                    <password>${").append(tls.keystorePasswordProperty()).append("}</password>\n");
            xml.append("                    <private-key-password>${").append(tls.keyPasswordProperty())
                    .append("}</private-key-password>\n");
            xml.append("                </keystore>\n");
            xml.append("                <protocols>\n");
            xml.append("                    <protocol>TLSv1.3</protocol>\n");
            xml.append("                    <protocol>TLSv1.2</protocol>\n");
            xml.append("                </protocols>\n");
            xml.append("                <client-authentication-mode>NONE</client-authentication-mode>\n");
            xml.append("            </tls>\n");
            xml.append("        </tls-tcp-listener>\n");
        }
        xml.append("    </listeners>\n");
        xml.append("    <mqtt>\n");
        xml.append("        <queued-messages>\n");
        xml.append("            <max-queue-size>").append(maxQueueSize).append("</max-queue-size>\n");
        xml.append("        </queued-messages>\n");
        // Paho v5 (1.2.5) resends an in-flight QoS 1 PUBLISH after a reconnect with the old connection's topic alias
        // and no topic name; the broker then disconnects it (0x94) on every reconnect. No aliases, no such loop.
        xml.append("        <topic-alias>\n");
        xml.append("            <enabled>false</enabled>\n");
        xml.append("        </topic-alias>\n");
        xml.append("    </mqtt>\n");
        xml.append("    <persistence>\n");
        xml.append("        <mode>").append(persistence).append("</mode>\n");
        xml.append("    </persistence>\n");
        xml.append("    <anonymous-usage-statistics>\n");
        xml.append("        <enabled>false</enabled>\n");
        xml.append("    </anonymous-usage-statistics>\n");
        xml.append("</hivemq>\n");
        return xml.toString();
    }

    /**
     * Where the plain (unencrypted) listener binds: with TLS on, 127.0.0.1 only — devices must use TLS, and the
     * controller's own client connects locally — unless {@code plainEnabled}; without TLS, {@code host}.
     */
    static String plainBindAddress(String host, boolean tlsEnabled, boolean plainEnabled) {
        return tlsEnabled && !plainEnabled ? "127.0.0.1" : host;
    }

    /** XML-escapes a value; refuses {@code ${}, which HiveMQ would treat as a placeholder. */
    static String text(String value) {
        if (value.contains("${")) {
            throw new BrokerStartupException("broker setting must not contain '${': " + value);
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (Character.isISOControl(c)) {
                        throw new BrokerStartupException("broker setting contains a control character");
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }
}
