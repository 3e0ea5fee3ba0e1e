package dev.warden.sim.fingerprint;

import dev.warden.serial.LinkOpener;
import dev.warden.serial.PtyPair;
import dev.warden.serial.SerialPorts;
import dev.warden.serial.SerialSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's fingerprint driver against the simulated module over a real pseudo-terminal: the module is served on
 * the pty master, the driver opens the stable symlink through jSerialComm at 57600 baud. Unplug closes the pty (the
 * driver sees a hang-up); replug opens a new pty on the same symlink and serves the same module on it.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SimFingerprintPtyIT extends FingerprintDriverScenarios {

    @TempDir
    Path dir;

    private Path port;
    private PtyPair pty;
    private SimFingerprintLine served;

    @BeforeEach
    void plugIn() throws IOException {
        port = dir.resolve("dev/fp-1");
        replug();
    }

    @AfterEach
    void unplugAtTheEnd() {
        if (served != null) {
            served.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    @Override
    LinkOpener opener() {
        return SerialPorts.opener(SerialSettings.of(port.toString(), 57600));
    }

    @Override
    void unplug() {
        pty.close();
    }

    @Override
    void replug() throws IOException {
        pty = PtyPair.open(port);
        served = SimFingerprintLine.serve("fp-1", pty.master(), List.of(module));
    }
}
