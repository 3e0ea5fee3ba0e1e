package dev.warden.serial;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;

/** Helpers shared by the link tests. */
final class LinkTesting {

    private LinkTesting() {}

    /** Every byte value 0x00..0xFF once, in order. */
    static byte[] allByteValues() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        return all;
    }

    /** Reads until exactly {@code count} bytes arrived, failing the test if they do not arrive {@code within}. */
    static byte[] readExactly(SerialLink link, int count, Duration within) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[512];
        long deadline = System.nanoTime() + within.toNanos();
        while (received.size() < count) {
            if (System.nanoTime() - deadline > 0) {
                fail("%s: only %d of %d bytes arrived within %s", link.describe(), received.size(), count, within);
            }
            int n = link.read(buffer, Duration.ofMillis(100));
            received.write(buffer, 0, n);
        }
        return received.toByteArray();
    }
}
