package dev.warden.agent;

import dev.warden.agent.config.AgentConfig;
import dev.warden.agent.config.AgentConfigLoader;
import dev.warden.agent.config.InvalidConfigException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command line: {@code java -cp "warden-edge-agent.jar:lib/*" dev.warden.agent.AgentMain --config agent.yaml}.
 * Exits with 2 on bad arguments or an invalid configuration (the message names the field), 1 if the agent cannot
 * start; otherwise runs until stopped (SIGTERM/Ctrl-C stop it cleanly: retained OFFLINE, clean disconnect).
 */
public final class AgentMain {

    private static final Logger LOG = LoggerFactory.getLogger(AgentMain.class);

    private AgentMain() {}

    public static void main(String[] args) {
        int code = run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args) {
        Path configFile = configArgument(args);
        if (configFile == null) {
            LOG.error("usage: AgentMain --config <agent.yaml>");
            return 2;
        }
        AgentConfig config;
        try {
            config = AgentConfigLoader.load(configFile);
        } catch (InvalidConfigException e) {
            LOG.error("{}", e.getMessage());
            return 2;
        }
        LOG.info("Warden edge agent {} ({}), config {}", config.agentId(), EdgeAgent.version(), configFile.toAbsolutePath());
        EdgeAgent agent;
        try {
            agent = EdgeAgent.start(config);
        } catch (RuntimeException e) {
            LOG.error("agent cannot start: {}", e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            stopped.countDown();
        }, "agent-shutdown"));
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
