package dev.warden.serial;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device side of a serial device server, for the simulator: a TCP port whose one client is the serial line's host
 * (the agent, connecting with {@link TcpLinks}). Like ser2net, one client at a time: a connection made while another
 * is active is closed at once and logged. Each accepted connection is handed to {@code onConnection} as a
 * {@link SerialLink}; closing that link hangs up that client, and the client leaving makes the link's calls fail with
 * {@link LinkDownException}, after which the next client may connect.
 */
public final class TcpSerialServer implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(TcpSerialServer.class);

    private final Channel serverChannel;
    private final String description;
    private final int port;
    private final Consumer<SerialLink> onConnection;
    private final ExecutorService callbacks;
    private final AtomicReference<NettyLink> active = new AtomicReference<>();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean closed;

    private TcpSerialServer(Channel serverChannel, Consumer<SerialLink> onConnection, ExecutorService callbacks) {
        this.serverChannel = serverChannel;
        this.port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        this.description = "tcp-server:" + ((InetSocketAddress) serverChannel.localAddress()).getHostString() + ":" + port;
        this.onConnection = onConnection;
        this.callbacks = callbacks;
    }

    /**
     * Listens on {@code bindHost:port} ({@code port} 0 picks a free one, see {@link #port()}).
     *
     * @param onConnection called with each accepted connection's link, on a server thread (not an I/O thread), one
     *     call at a time; it should hand the link to the device's own thread and return
     * @throws IOException if the address cannot be bound (e.g. the port is taken)
     */
    public static TcpSerialServer start(int port, String bindHost, Consumer<SerialLink> onConnection) throws IOException {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(onConnection, "onConnection");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("TCP port must be 0..65535, not " + port);
        }
        ExecutorService callbacks = Executors.newSingleThreadExecutor(new DefaultThreadFactory("warden-tcp-serial-server", true));
        TcpSerialServer[] server = new TcpSerialServer[1];
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(NettyLoop.group(), NettyLoop.group())
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.AUTO_READ, false) // accept nothing until the server object exists
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        server[0].accept(channel);
                    }
                });
        ChannelFuture bound = bootstrap.bind(bindHost, port);
        try {
            bound.await();
        } catch (InterruptedException e) {
            bound.channel().close();
            callbacks.shutdownNow();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while binding " + bindHost + ":" + port);
        }
        if (!bound.isSuccess()) {
            callbacks.shutdownNow();
            Throwable cause = bound.cause();
            throw new IOException("cannot listen on " + bindHost + ":" + port + ": " + (cause == null ? "cancelled" : cause.getMessage()), cause);
        }
        server[0] = new TcpSerialServer(bound.channel(), onConnection, callbacks);
        bound.channel().config().setAutoRead(true);
        LOG.debug("Listening on {}", server[0].description);
        return server[0];
    }

    private void accept(SocketChannel channel) {
        InetSocketAddress remote = channel.remoteAddress();
        String peer = remote == null ? "?" : remote.getHostString() + ":" + remote.getPort();
        NettyLink link = new NettyLink(description + " from " + peer, InputBuffer.DEFAULT_CAPACITY);
        NettyLink current = active.get();
        if (closed || !active.compareAndSet(null, link)) {
            long total = refused.incrementAndGet();
            LOG.warn("{}: refused {}: the line is in use by {} ({} refused so far)", description, peer,
                    current == null ? "nobody (server closed)" : current.describe(), total);
            channel.close();
            return;
        }
        if (closed) { // close() ran between the check and the claim
            active.compareAndSet(link, null);
            channel.close();
            return;
        }
        channel.closeFuture().addListener(done -> active.compareAndSet(link, null));
        channel.pipeline().addLast(link.handler());
        LOG.debug("{}: accepted {}", description, peer);
        callbacks.execute(() -> {
            try {
                onConnection.accept(link);
            } catch (RuntimeException e) {
                LOG.warn("{}: connection handler failed, hanging up {}: {}", description, peer, e.toString());
                link.close();
            }
        });
    }

    /** The bound TCP port (the chosen one when started with 0). */
    public int port() {
        return port;
    }

    /** Connections refused because another client held the line. */
    public long refusedConnections() {
        return refused.get();
    }

    /** Stops listening and hangs up the active client, if any. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        serverChannel.close().awaitUninterruptibly(5_000);
        NettyLink current = active.getAndSet(null);
        if (current != null) {
            current.close();
        }
        callbacks.shutdown();
        LOG.debug("Closed {}", description);
    }

    @Override
    public String toString() {
        return description;
    }
}
