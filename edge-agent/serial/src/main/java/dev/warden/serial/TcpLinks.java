package dev.warden.serial;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serial lines reached over raw TCP through a serial device server (ser2net, a Moxa NPort in "TCP server" mode): the
 * bytes on the socket are the bytes on the wire, nothing else (no RFC 2217, no telnet). The device server owns baud
 * rate and parity. The link is a Netty NIO client with TCP_NODELAY on the JVM-wide shared event loop; inbound bytes wait
 * in a bounded 64 KiB buffer (the oldest are dropped and counted if the reader falls that far behind), and a closed
 * connection is a {@link LinkDownException}.
 */
public final class TcpLinks {

    private static final Logger LOG = LoggerFactory.getLogger(TcpLinks.class);

    private TcpLinks() {}

    /** An opener for {@code host:port}; each {@link LinkOpener#open()} makes one connection attempt. */
    public static LinkOpener opener(String host, int port, Duration connectTimeout) {
        return opener(host, port, connectTimeout, InputBuffer.DEFAULT_CAPACITY);
    }

    static LinkOpener opener(String host, int port, Duration connectTimeout, int inputCapacity) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("TCP port must be 1..65535, not " + port);
        }
        if (connectTimeout.compareTo(Duration.ofMillis(1)) < 0 || connectTimeout.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("connect timeout must be between 1 ms and 24 days, not " + connectTimeout);
        }
        return new TcpOpener(host, port, connectTimeout, inputCapacity);
    }

    private record TcpOpener(String host, int port, Duration connectTimeout, int inputCapacity) implements LinkOpener {

        @Override
        public SerialLink open() throws IOException {
            // resolved here, on the caller's thread: a slow DNS answer never blocks the shared event loop
            InetSocketAddress address = new InetSocketAddress(host, port);
            if (address.isUnresolved()) {
                throw new IOException("cannot connect to " + describe() + ": unknown host " + host);
            }
            NettyLink link = new NettyLink(describe(), inputCapacity);
            Bootstrap bootstrap = new Bootstrap()
                    .group(NettyLoop.group())
                    .channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.SO_KEEPALIVE, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                    .handler(link.handler());
            ChannelFuture connected = bootstrap.connect(address);
            try {
                // Netty enforces the connect timeout itself; the extra second only guards against a lost callback
                if (!connected.await(connectTimeout.toMillis() + 1000)) {
                    connected.channel().close();
                    throw new IOException("cannot connect to " + describe() + ": no answer within " + connectTimeout);
                }
            } catch (InterruptedException e) {
                connected.channel().close();
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while connecting to " + describe());
            }
            if (!connected.isSuccess()) {
                Throwable cause = connected.cause();
                throw new IOException("cannot connect to " + describe() + ": " + (cause == null ? "cancelled" : cause.getMessage()), cause);
            }
            LOG.debug("Connected to {}", describe());
            return link;
        }

        @Override
        public String describe() {
            return "tcp:" + host + ":" + port;
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
