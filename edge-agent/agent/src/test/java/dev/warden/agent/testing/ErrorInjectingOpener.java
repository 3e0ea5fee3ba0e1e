package dev.warden.agent.testing;

import dev.warden.serial.LinkOpener;
import dev.warden.serial.SerialLink;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/** Opens a line through a wrapper whose next read, once armed, throws an {@link InjectedError}. */
public final class ErrorInjectingOpener implements LinkOpener {

    /** An {@link Error} the bus thread does not expect, such as a native library failing. */
    public static final class InjectedError extends Error {
        InjectedError() {
            super("injected into the bus thread by the test");
        }
    }

    private final LinkOpener delegate;
    private final AtomicBoolean armed = new AtomicBoolean();

    public ErrorInjectingOpener(LinkOpener delegate) {
        this.delegate = delegate;
    }

    /** The next read on the line, from any thread, throws an {@link InjectedError}. */
    public void failNextRead() {
        armed.set(true);
    }

    @Override
    public SerialLink open() throws IOException {
        SerialLink link = delegate.open();
        return new SerialLink() {
            @Override
            public void write(byte[] data) throws IOException {
                link.write(data);
            }

            @Override
            public int read(byte[] buffer, Duration timeout) throws IOException {
                if (armed.compareAndSet(true, false)) {
                    throw new InjectedError();
                }
                return link.read(buffer, timeout);
            }

            @Override
            public void discardInput() throws IOException {
                link.discardInput();
            }

            @Override
            public String describe() {
                return link.describe();
            }

            @Override
            public void close() throws IOException {
                link.close();
            }
        };
    }

    @Override
    public String describe() {
        return delegate.describe();
    }
}
