package dev.warden.controller.storage;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a relative H2 file path absolute before the pool opens it. H2 refuses paths that are implicitly relative
 * ({@code jdbc:h2:file:data/x}); operators naturally write {@code warden.data-dir=data}. The path is resolved
 * against the working directory and logged once, so it is always clear which file holds the data.
 */
@Singleton
class H2FileLocation implements BeanCreatedEventListener<DatasourceConfiguration> {
    private static final Logger LOG = LoggerFactory.getLogger(H2FileLocation.class);
    static final String PREFIX = "jdbc:h2:file:";

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        String url = config.getUrl();
        String absolute = absolute(url);
        if (absolute != null) {
            config.setUrl(absolute);
            config.setJdbcUrl(absolute);
            LOG.info("Database file: {}.mv.db", absolute.substring(PREFIX.length()).split(";", 2)[0]);
        }
        return config;
    }

    /** The URL with an absolute file path, or null when it is not an H2 file URL. */
    static String absolute(String url) {
        if (url == null || !url.startsWith(PREFIX)) {
            return null;
        }
        String rest = url.substring(PREFIX.length());
        int semicolon = rest.indexOf(';');
        String path = semicolon < 0 ? rest : rest.substring(0, semicolon);
        String options = semicolon < 0 ? "" : rest.substring(semicolon);
        if (path.startsWith("~")) {
            return url;
        }
        return PREFIX + Path.of(path).toAbsolutePath().normalize() + options;
    }
}
