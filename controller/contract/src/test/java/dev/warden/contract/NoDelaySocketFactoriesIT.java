package dev.warden.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Verifies every connecting overload of the no-delay factories against a loopback listener. */
class NoDelaySocketFactoriesIT {

    private final InetAddress loopback = InetAddress.getLoopbackAddress();
    private final List<Socket> opened = new ArrayList<>();
    private ServerSocket server;
    private int port;

    @BeforeEach
    void listen() throws Exception {
        server = new ServerSocket(0, 50, loopback);
        server.setSoTimeout(5_000);
        port = server.getLocalPort();
    }

    @AfterEach
    void close() throws Exception {
        for (Socket s : opened) {
            s.close();
        }
        server.close();
    }

    private Socket keep(Socket s) {
        opened.add(s);
        return s;
    }

    @Test
    void everyPlainOverloadConnectsWithTcpNoDelay() throws Exception {
        var f = NoDelaySocketFactories.plain();
        List<Socket> sockets = List.of(
                keep(f.createSocket(loopback.getHostAddress(), port)),
                keep(f.createSocket(loopback.getHostAddress(), port, loopback, 0)),
                keep(f.createSocket(loopback, port)),
                keep(f.createSocket(loopback, port, loopback, 0)));

        assertThat(sockets).allSatisfy(s -> {
            assertThat(s.isConnected()).isTrue();
            assertThat(s.getTcpNoDelay()).isTrue();
        });
    }

    @Test
    void everyTlsOverloadConnectsWithTcpNoDelay() throws Exception {
        var f = NoDelaySocketFactories.tls((javax.net.ssl.SSLSocketFactory) javax.net.ssl.SSLSocketFactory.getDefault());
        Socket plain = keep(new Socket(loopback, port));
        List<Socket> sockets = List.of(
                keep(f.createSocket(loopback.getHostAddress(), port)),
                keep(f.createSocket(loopback.getHostAddress(), port, loopback, 0)),
                keep(f.createSocket(loopback, port)),
                keep(f.createSocket(loopback, port, loopback, 0)),
                keep(f.createSocket(plain, loopback.getHostAddress(), port, true)));

        assertThat(plain.getTcpNoDelay()).isTrue();
        assertThat(sockets).allSatisfy(s -> {
            assertThat(s).isInstanceOf(SSLSocket.class);
            assertThat(s.isConnected()).isTrue();
            assertThat(s.getTcpNoDelay()).isTrue();
        });
    }
}
