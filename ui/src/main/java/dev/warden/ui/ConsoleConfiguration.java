package dev.warden.ui;

import dev.warden.ui.client.http.ControllerConnection;
import dev.warden.ui.client.http.HttpControllerClient;
import dev.warden.ui.shell.SiteTime;
import java.time.Clock;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the console's collaborators from its properties: {@code warden.controller.url} (where the controller's
 * REST API is) and {@code warden.site.time-zone} (the zone event times are shown in; the JVM's zone if empty).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    HttpControllerClient controllerClient(@Value("${warden.controller.url}") String controllerUrl, Clock clock) {
        ControllerConnection connection = ControllerConnection.to(controllerUrl);
        LOG.info("Console talks to the controller at {}", connection.baseUrl());
        return new HttpControllerClient(connection, clock);
    }

    @Bean
    SiteTime siteTime(@Value("${warden.site.time-zone:}") String zone) {
        return new SiteTime(zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone.strip()));
    }
}
