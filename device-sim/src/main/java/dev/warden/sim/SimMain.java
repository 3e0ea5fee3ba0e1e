package dev.warden.sim;

import dev.warden.sim.config.InvalidSimConfigException;
import dev.warden.sim.config.SimConfig;
import dev.warden.sim.config.SimConfigLoader;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command line: {@code java -cp "warden-device-sim.jar:lib/*" dev.warden.sim.SimMain --config sim.yaml}. Exits with 2
 * on bad arguments or an invalid configuration (the message names the field); otherwise runs until stopped.
 */
public final class SimMain {

    private static final Logger LOG = LoggerFactory.getLogger(SimMain.class);

    private SimMain() {}

    public static void main(String[] args) {
        int code = run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args) {
        Path file = configArgument(args);
        if (file == null) {
            LOG.error("usage: SimMain --config <sim.yaml>");
            return 2;
        }
        SimConfig config;
        try {
            config = SimConfigLoader.load(file);
        } catch (InvalidSimConfigException e) {
            LOG.error("{}", e.getMessage());
            return 2;
        }
        LOG.info("Warden device simulator, config {}, broker {}", file.toAbsolutePath(), config.brokerUri());
        Simulator sim = Simulator.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.stop();
            stopped.countDown();
        }, "sim-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static Path configArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--config=")) {
                return Path.of(args[i].substring("--config=".length()));
            }
        }
        return null;
    }
}
