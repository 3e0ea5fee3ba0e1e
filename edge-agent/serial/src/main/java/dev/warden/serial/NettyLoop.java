package dev.warden.serial;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The one Netty event loop group (NIO, daemon threads) that every TCP serial link and server in the JVM shares.
 * Created on first use and never shut down: serial traffic is a few kilobytes a second, and daemon threads do not keep
 * the JVM alive. Connections are closed individually by their links and servers.
 */
final class NettyLoop {

    private static final int THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());

    private NettyLoop() {}

    private static final class Holder {
        static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(
                THREADS, new DefaultThreadFactory("warden-serial-tcp", true), NioIoHandler.newFactory());
    }

    static EventLoopGroup group() {
        return Holder.GROUP;
    }
}
