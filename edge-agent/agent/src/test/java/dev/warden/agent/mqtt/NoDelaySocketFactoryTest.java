package dev.warden.agent.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** Verifies that the sockets the agent's Paho clients get have Nagle's algorithm off (no connection made). */
class NoDelaySocketFactoryTest {

    @Test
    void plainSocketsHaveTcpNoDelay() throws Exception {
        try (Socket socket = new NoDelaySocketFactory().createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void tlsSocketsHaveTcpNoDelayAndStayTls() throws Exception {
        NoDelaySslSocketFactory tls = NoDelaySslSocketFactory.withDefaultTrust();

        assertThat(tls.getDefaultCipherSuites()).isNotEmpty();
        assertThat(tls.getSupportedCipherSuites()).contains(tls.getDefaultCipherSuites());
        try (Socket socket = tls.createSocket()) {
            assertThat(socket).isInstanceOf(SSLSocket.class);
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }
}
