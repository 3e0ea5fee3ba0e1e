package dev.warden.controller.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.controller.Api;
import dev.warden.controller.event.AccessEventRepository;
import dev.warden.controller.event.AccessEventRow;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Verifies that an OPERATOR event is stored in the same transaction as the action: it is there the moment the action
 * returns (not queued for later), and an action that fails after recording leaves no record.
 */
@MicronautTest(transactional = false)
class OperatorActionsIT {
    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    OperatorActions actions;

    @Inject
    AccessEventRepository events;

    @Inject
    TransactionOperations<Connection> transactions;

    private List<AccessEventRow> operatorEvents(String action) {
        List<AccessEventRow> out = new ArrayList<>();
        for (AccessEventRow row : events.findAll()) {
            if ("OPERATOR".equals(row.kind()) && action.equals(row.reason())) {
                out.add(row);
            }
        }
        return out;
    }

    @Test
    void theRecordIsStoredWithTheActionAndNeverForAFailedOne() {
        Api admin = Api.admin(client);
        Api supervisor = admin.newOperator(client, "oa-super", "SUPERVISOR");
        admin.post("/api/v1/sites", Map.of("id", "OA", "name", "OA", "timeZone", "UTC"), Map.class);
        client.toBlocking().exchange(io.micronaut.http.HttpRequest.POST("/api/v1/sites/OA/lockdown",
                Map.of("reason", "drill")).bearerAuth(supervisor.token()));
        assertThat(operatorEvents("LOCKDOWN_SET")).as("stored when the action returned, no waiting")
                .anySatisfy(e -> assertThat(e.detail()).isEqualTo("oa-super: lockdown set on site OA — reason: drill"));

        assertThatThrownBy(() -> transactions.executeWrite(status -> {
            actions.record("oa-super", "OA_FAILED_ACTION", null, null, "an action that fails at the end", "test");
            throw new IllegalStateException("the action fails after recording");
        })).hasMessageContaining("fails after recording");
        actions.record("oa-super", "OA_LATER_ACTION", null, null, "a later action outside a transaction", null);
        assertThat(operatorEvents("OA_LATER_ACTION")).hasSize(1);
        assertThat(operatorEvents("OA_FAILED_ACTION")).as("rolled back with the action").isEmpty();
    }
}
