package dev.warden.sim.fingerprint;

import dev.warden.serial.LinkOpener;
import dev.warden.serial.SerialLink;
import java.io.IOException;
import java.util.List;

/** The driver-against-simulator scenarios over an in-memory line (fast; the pty variant is an IT). */
class SimFingerprintDriverTest extends FingerprintDriverScenarios {

    private volatile boolean plugged = true;
    private volatile MemoryLine current;

    @Override
    LinkOpener opener() {
        return new LinkOpener() {
            @Override
            public SerialLink open() throws IOException {
                if (!plugged) {
                    throw new IOException("no such device");
                }
                MemoryLine line = new MemoryLine();
                current = line;
                SimFingerprintLine.serve("fp-1", line.device, List.of(module));
                return line.host;
            }

            @Override
            public String describe() {
                return "memory:fp-1";
            }
        };
    }

    @Override
    void unplug() {
        plugged = false;
        current.unplug();
    }

    @Override
    void replug() {
        plugged = true;
    }
}
