package dev.warden.serial;

import java.io.IOException;

/**
 * How to (re)open one serial line. Drivers keep the opener, not the link: after a {@link LinkDownException} they
 * close the link and open a fresh one with backoff, so a device that is unplugged and plugged back in recovers
 * without a restart.
 */
public interface LinkOpener {

    /** Opens the line; fails fast (no retries here) with an IOException saying what is missing. */
    SerialLink open() throws IOException;

    /** The line's description for logs, available before it is opened. */
    String describe();
}
