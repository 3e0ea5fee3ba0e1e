package dev.warden.serial;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial line carried over one TCP connection (either end). Inbound bytes go from Netty's I/O thread into a bounded
 * {@link InputBuffer}; {@link #read} waits on it. When the connection closes, bytes already received are still
 * delivered, then every call fails with {@link LinkDownException}. Writes block the calling thread until the bytes
 * are handed to the socket, so they must not be made from an event-loop thread.
 */
final class NettyLink implements SerialLink {

    private static final Logger LOG = LoggerFactory.getLogger(NettyLink.class);
    /** A device server that does not take a few bytes within this time is as good as gone. */
    private static final long WRITE_TIMEOUT_MILLIS = 10_000;

    private final String description;
    private final InputBuffer input;
    private final Inbound inbound = new Inbound();
    private volatile Channel channel;
    private volatile boolean closed;

    NettyLink(String description, int inputCapacity) {
        this.description = description;
        this.input = new InputBuffer(inputCapacity);
    }

    /** The pipeline handler to install on the connection's channel. */
    ChannelHandler handler() {
        return inbound;
    }

    @Override
    public void write(byte[] data) throws IOException {
        Channel current = ensureOpen();
        if (data.length == 0) {
            return;
        }
        ChannelFuture written = current.writeAndFlush(Unpooled.copiedBuffer(data));
        try {
            if (!written.await(WRITE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                current.close();
                throw new LinkDownException(description + ": write not taken within " + WRITE_TIMEOUT_MILLIS + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(description + ": interrupted while writing");
        }
        if (!written.isSuccess()) {
            throw new LinkDownException(description + ": connection lost while writing", written.cause());
        }
    }

    @Override
    public int read(byte[] buffer, Duration timeout) throws IOException {
        if (closed) {
            throw new LinkDownException(description + " closed");
        }
        if (buffer.length == 0) {
            return 0;
        }
        int count = input.take(buffer, Timeouts.nanos(timeout));
        if (count < 0) {
            throw new LinkDownException(description + (closed ? " closed" : ": connection closed by the peer"));
        }
        return count;
    }

    @Override
    public void discardInput() throws IOException {
        ensureOpen();
        input.clear();
    }

    @Override
    public String describe() {
        return description;
    }

    /** Closes the connection (the peer sees it end). Idempotent. */
    @Override
    public void close() {
        closed = true;
        input.close();
        Channel current = channel;
        if (current != null) {
            current.close();
        }
    }

    /** Bytes dropped because the reader fell more than the input capacity behind. */
    long droppedBytes() {
        return input.dropped();
    }

    /** Bytes received and not yet read. */
    int bufferedBytes() {
        return input.size();
    }

    private Channel ensureOpen() throws LinkDownException {
        Channel current = channel;
        if (closed) {
            throw new LinkDownException(description + " closed");
        }
        if (current == null || !current.isActive()) {
            throw new LinkDownException(description + ": connection closed");
        }
        return current;
    }

    private final class Inbound extends ChannelInboundHandlerAdapter {
        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            channel = ctx.channel();
            if (closed) {
                ctx.close();
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            try {
                if (message instanceof ByteBuf bytes && bytes.isReadable()) {
                    byte[] copy = new byte[bytes.readableBytes()];
                    bytes.readBytes(copy);
                    int droppedNow = input.append(copy, 0, copy.length);
                    if (droppedNow > 0) {
                        reportOverflow(droppedNow);
                    }
                }
            } finally {
                ReferenceCountUtil.release(message);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            input.close();
            LOG.debug("{}: connection closed", description);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("{}: connection failed: {}", description, cause.toString());
            ctx.close();
        }
    }

    private void reportOverflow(int droppedNow) {
        long total = input.dropped();
        if (total == droppedNow) {
            LOG.warn("{}: input overflow, the reader is more than {} bytes behind; oldest bytes dropped", description,
                    input.capacity());
        } else {
            LOG.debug("{}: input overflow, {} bytes dropped so far", description, total);
        }
    }
}
