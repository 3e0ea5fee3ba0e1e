package dev.warden.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BrokerConfigXmlTest {

    @Test
    void plainListenerOnlyWithStatisticsOffALargeQueueAndNoTopicAliases() {
        String xml = BrokerConfigXml.render("127.0.0.1", 1883, "file", 100_000, null);
        assertThat(xml)
                .contains("<tcp-listener>")
                .contains("<port>1883</port>")
                .contains("<bind-address>127.0.0.1</bind-address>")
                .contains("<max-queue-size>100000</max-queue-size>")
                .contains("<mode>file</mode>")
                .contains("<topic-alias>\n            <enabled>false</enabled>")
                .contains("<anonymous-usage-statistics>\n        <enabled>false</enabled>")
                .doesNotContain("tls-tcp-listener");
    }

    /** Verifies that keystore passwords never reach the file: only placeholders naming system properties do. */
    @Test
    void tlsListenerNamesPasswordPropertiesInsteadOfPasswords() {
        String xml = BrokerConfigXml.render("0.0.0.0", 1883, "in-memory", 10,
                new BrokerConfigXml.TlsListener(8883, "/etc/warden/broker.p12", "pw.store", "pw.key"));
        assertThat(xml)
                .contains("<tls-tcp-listener>")
                .contains("<port>8883</port>")
                .contains("<path>/etc/warden/broker.p12</path>")
                .contains("<password>${pw.store}</password>")
                .contains("<private-key-password>${pw.key}</private-key-password>")
                .contains("<mode>in-memory</mode>");
    }

    /**
     * Verifies that with TLS on, the plain (unencrypted) listener is reachable from this host only — for the
     * controller's own client — unless {@code warden.mqtt.embedded.plain-enabled} says otherwise.
     */
    @Test
    void withTlsThePlainListenerBindsToLoopbackUnlessPlainIsEnabled() {
        BrokerConfigXml.TlsListener tls = new BrokerConfigXml.TlsListener(8883, "/k.p12", "pw.store", "pw.key");
        String xml = BrokerConfigXml.render("0.0.0.0", 1883, "file", 10, tls, false);
        assertThat(between(xml, "<tcp-listener>", "</tcp-listener>"))
                .contains("<bind-address>127.0.0.1</bind-address>");
        assertThat(between(xml, "<tls-tcp-listener>", "</tls-tcp-listener>"))
                .contains("<bind-address>0.0.0.0</bind-address>");

        String open = BrokerConfigXml.render("0.0.0.0", 1883, "file", 10, tls, true);
        assertThat(between(open, "<tcp-listener>", "</tcp-listener>")).contains("<bind-address>0.0.0.0</bind-address>");

        String noTls = BrokerConfigXml.render("0.0.0.0", 1883, "file", 10, null, false);
        assertThat(between(noTls, "<tcp-listener>", "</tcp-listener>"))
                .as("without TLS the plain listener is the only one: it binds where configured")
                .contains("<bind-address>0.0.0.0</bind-address>");
        assertThat(BrokerConfigXml.plainBindAddress("10.1.2.3", true, false)).isEqualTo("127.0.0.1");
        assertThat(BrokerConfigXml.plainBindAddress("10.1.2.3", true, true)).isEqualTo("10.1.2.3");
        assertThat(BrokerConfigXml.plainBindAddress("10.1.2.3", false, false)).isEqualTo("10.1.2.3");
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        return text.substring(start, text.indexOf(to, start));
    }

    @Test
    void valuesAreEscapedAndPlaceholdersOrBadModesRefused() {
        assertThat(BrokerConfigXml.text("a&b<c>\"'")).isEqualTo("a&amp;b&lt;c&gt;&quot;&apos;");
        assertThatThrownBy(() -> BrokerConfigXml.text("/x/${HOME}/k.p12")).isInstanceOf(BrokerStartupException.class);
        assertThatThrownBy(() -> BrokerConfigXml.text("a\nb")).isInstanceOf(BrokerStartupException.class);
        assertThatThrownBy(() -> BrokerConfigXml.render("127.0.0.1", 1883, "memory", 10, null))
                .isInstanceOf(BrokerStartupException.class)
                .hasMessageContaining("warden.mqtt.embedded.persistence");
    }
}
