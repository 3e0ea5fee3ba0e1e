package dev.warden.controller.operator;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first administrator when no operator exists, from {@code warden.bootstrap.admin-password}
 * (environment {@code WARDEN_BOOTSTRAP_ADMIN_PASSWORD}) and {@code warden.bootstrap.admin-username}
 * (default {@code admin}). Without a password it only says, in the log, how to create one.
 */
@Singleton
public class OperatorBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorBootstrap.class);

    private final OperatorService operators;
    private final String username;
    private final String password;

    public OperatorBootstrap(OperatorService operators,
                             @Value("${warden.bootstrap.admin-username:admin}") String username,
                             @Nullable @Value("${warden.bootstrap.admin-password:}") String password) {
        this.operators = operators;
        this.username = username;
        this.password = password;
    }

    public void run() {
        if (operators.count() > 0) {
            return;
        }
        if (password == null || password.isBlank()) {
            LOG.warn("No operator exists yet, so nobody can sign in. To create the first administrator, start the "
                    + "controller once with the environment variable WARDEN_BOOTSTRAP_ADMIN_PASSWORD set to a password "
                    + "of at least {} characters (config key warden.bootstrap.admin-password; user name from "
                    + "warden.bootstrap.admin-username, default 'admin').", OperatorService.MIN_PASSWORD);
            return;
        }
        try {
            operators.create(new OperatorInput(username, password, List.of(Roles.ADMIN), true));
            LOG.info("Created the first administrator '{}' from warden.bootstrap.admin-password", username);
        } catch (RuntimeException e) {
            LOG.error("Could not create the first administrator '{}': {}", username, e.getMessage());
        }
    }
}
