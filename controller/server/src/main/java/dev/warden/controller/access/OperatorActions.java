package dev.warden.controller.access;

import dev.warden.controller.event.AccessEventRow;
import dev.warden.controller.event.EventKind;
import dev.warden.controller.event.EventWriter;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records an operator's security action (lockdown set or lifted, threat level changed, a visit approved, rejected
 * or cancelled, ...) as an {@link EventKind#OPERATOR} event row, through the {@link EventWriter} (so it also reaches
 * the live event stream), and logs it. The row: {@code kind} OPERATOR, {@code source} {@value #SOURCE},
 * {@code reason} the action code (e.g. {@code LOCKDOWN_SET}), {@code doorId} / {@code personId} when the action is
 * about a door or a person, and {@code detail} {@code "<operator>: <what> — reason: <reason>"}. Never pass a secret.
 */
@Singleton
public class OperatorActions {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorActions.class);
    /** The {@code source} of operator event rows. */
    public static final String SOURCE = "OPERATOR";

    private final EventWriter events;
    private final Clock clock;

    public OperatorActions(EventWriter events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records one action now.
     *
     * @param operator the signed-in operator's user name (from the token)
     * @param action   an upper-case action code, at most 64 characters
     * @param doorId   the door concerned, or null
     * @param personId the person concerned, or null
     * @param what     what was done, e.g. {@code "lockdown set on site DC1"}
     * @param reason   the operator's reason, or null
     */
    public Instant record(String operator, String action, String doorId, String personId, String what,
                          String reason) {
        Instant at = clock.instant();
        String detail = operator + ": " + what + (reason == null || reason.isBlank() ? "" : " — reason: " + reason);
        if (detail.length() > AccessEventRow.MAX_DETAIL) {
            detail = detail.substring(0, AccessEventRow.MAX_DETAIL);
        }
        events.submit(new AccessEventRow(null, at, EventKind.OPERATOR.name(), doorId, null, null, personId, null,
                null, null, action, SOURCE, null, null, detail));
        LOG.info("Operator action {} by {}: {}{}", action, operator, what,
                reason == null || reason.isBlank() ? "" : " (reason: " + reason + ")");
        return at;
    }
}
