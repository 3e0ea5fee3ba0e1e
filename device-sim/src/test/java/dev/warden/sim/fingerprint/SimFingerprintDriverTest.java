package dev.warden.sim.fingerprint;

import dev.warden.serial.LinkOpener;
import dev.warden.serial.MemoryCable;
import java.util.List;

/** The driver-against-simulator scenarios over an in-memory line (fast; the pty variant is an IT). */
class SimFingerprintDriverTest extends FingerprintDriverScenarios {

    private final MemoryCable line = MemoryCable.create("fp-1");

    @Override
    LinkOpener opener() {
        return line.hostOpener(device -> SimFingerprintLine.serve("fp-1", device, List.of(module)));
    }

    @Override
    void unplug() {
        line.hangUp();
    }

    @Override
    void replug() {
        line.replug();
    }
}
