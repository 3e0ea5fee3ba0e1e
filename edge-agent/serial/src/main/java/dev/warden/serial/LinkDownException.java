package dev.warden.serial;

import java.io.IOException;

/** The line behind a {@link SerialLink} is gone: unplugged, hung up, or the TCP connection closed. */
public final class LinkDownException extends IOException {
    public LinkDownException(String message) {
        super(message);
    }

    public LinkDownException(String message, Throwable cause) {
        super(message, cause);
    }
}
