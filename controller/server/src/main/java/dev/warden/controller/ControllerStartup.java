package dev.warden.controller;

import dev.warden.controller.decision.AccessIndex;
import dev.warden.controller.demo.DemoSeeder;
import dev.warden.controller.operator.OperatorBootstrap;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up, in this order: seed the demo site if asked to and the database is empty (and wait for the access
 * index to include it), then create the first administrator if no operator exists. The access index builds its
 * first version itself, when it is created.
 */
@Singleton
class ControllerStartup implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerStartup.class);

    private final AccessIndex index;
    private final DemoSeeder demo;
    private final OperatorBootstrap bootstrap;

    ControllerStartup(AccessIndex index, DemoSeeder demo, OperatorBootstrap bootstrap) {
        this.index = index;
        this.demo = demo;
        this.bootstrap = bootstrap;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (demo.seedIfRequested()) {
            index.rebuildAndWait(Duration.ofSeconds(60));
        }
        bootstrap.run();
        LOG.info("Controller ready: access index version {}", index.version());
    }
}
