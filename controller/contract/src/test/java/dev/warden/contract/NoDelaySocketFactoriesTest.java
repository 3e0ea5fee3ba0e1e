package dev.warden.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

/** Verifies that every socket a Paho client gets has Nagle's algorithm off. */
class NoDelaySocketFactoriesTest {

    @Test
    void plainSocketsHaveTcpNoDelay() throws Exception {
        try (Socket socket = NoDelaySocketFactories.plain().createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void tlsSocketsHaveTcpNoDelayAndStayTls() throws Exception {
        SSLSocketFactory tls = NoDelaySocketFactories.tls(SSLContext.getDefault().getSocketFactory());
        assertThat(tls.getDefaultCipherSuites()).isNotEmpty();
        try (Socket socket = tls.createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
            assertThat(socket).isInstanceOf(javax.net.ssl.SSLSocket.class);
        }
    }
}
