package dev.warden.controller.alarm;

import dev.warden.controller.api.Input;
import dev.warden.controller.api.InvalidInputException;
import dev.warden.controller.api.NotFoundException;
import dev.warden.controller.operator.OperatorSessions;
import dev.warden.controller.operator.Roles;
import dev.warden.policy.alarm.AlarmType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.reactivestreams.Publisher;

/**
 * {@code /api/v1/alarms}: search and read (any operator), acknowledge (GUARD, SUPERVISOR, ADMIN), escalate and clear
 * (SUPERVISOR, ADMIN), each action with a required comment and attributed to the signed-in operator; and the live
 * SSE stream of alarm changes. DURESS alarms are silent: only SUPERVISOR and ADMIN see them (anyone else gets 404
 * and never receives them on the stream).
 */
@Controller("/api/v1/alarms")
@Secured(SecurityRule.IS_AUTHENTICATED)
class AlarmController {
    static final int MAX_SIZE = 500;
    private static final Set<String> STATES = Set.of("ACTIVE", "ACKNOWLEDGED", "RETURNED_TO_NORMAL", "CLEARED");
    private static final Set<String> HIDDEN_FROM_MOST = Set.of(AlarmType.DURESS.name());

    private final AlarmService alarms;
    private final AlarmInputs inputs;
    private final AlarmBroadcaster broadcaster;
    private final OperatorSessions sessions;

    AlarmController(AlarmService alarms, AlarmInputs inputs, AlarmBroadcaster broadcaster, OperatorSessions sessions) {
        this.alarms = alarms;
        this.inputs = inputs;
        this.broadcaster = broadcaster;
        this.sessions = sessions;
    }

    /**
     * Filters: {@code state} (ACTIVE, ACKNOWLEDGED, RETURNED_TO_NORMAL, CLEARED, or OPEN = all but CLEARED;
     * comma-separated allowed), {@code priority} (1..4), {@code type}, {@code doorId}, {@code areaId}; {@code page}, {@code size}.
     */
    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    AlarmPage search(@Nullable @QueryValue String state, @Nullable @QueryValue String priority,
                     @Nullable @QueryValue String type, @Nullable @QueryValue String doorId,
                     @Nullable @QueryValue String areaId, @Nullable @QueryValue String page,
                     @Nullable @QueryValue String size, Authentication authentication) {
        Integer prio = priority == null || priority.isBlank() ? null
                : number("priority", priority, 0, AlarmType.HIGHEST, AlarmType.LOWEST);
        String alarmType = type == null || type.isBlank() ? null : Input.oneOf("type", type, AlarmType.class).name();
        return alarms.search(new AlarmQuery(states(state), prio, alarmType, Input.optionalId("doorId", doorId),
                Input.optionalId("areaId", areaId), hidden(authentication),
                number("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE), number("size", size, 50, 1, MAX_SIZE)));
    }

    /**
     * The live stream. The operator's token is checked again at every heartbeat (the operator still exists, is
     * enabled and has the roles the token was issued with): once it no longer holds, the stream ends.
     */
    @Get(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
    Publisher<Event<String>> stream(Authentication authentication) {
        String name = authentication.getName();
        Object version = authentication.getAttributes().get(OperatorSessions.CLAIM);
        return broadcaster.stream(hidden(authentication).isEmpty(), () -> sessions.stillValid(name, version));
    }

    @Get("/{id}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    AlarmDetailDto get(String id, Authentication authentication) {
        return alarms.get(id(id), hidden(authentication));
    }

    @Post("/{id}/acknowledge")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured({Roles.GUARD, Roles.SUPERVISOR, Roles.ADMIN})
    AlarmDetailDto acknowledge(String id, @Nullable @Body CommentBody body, Authentication authentication) {
        return act(id, AlarmService.OperatorAction.ACKNOWLEDGE, body, authentication);
    }

    @Post("/{id}/escalate")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured({Roles.SUPERVISOR, Roles.ADMIN})
    AlarmDetailDto escalate(String id, @Nullable @Body CommentBody body, Authentication authentication) {
        return act(id, AlarmService.OperatorAction.ESCALATE, body, authentication);
    }

    @Post("/{id}/clear")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Secured({Roles.SUPERVISOR, Roles.ADMIN})
    AlarmDetailDto clear(String id, @Nullable @Body CommentBody body, Authentication authentication) {
        AlarmDetailDto cleared = act(id, AlarmService.OperatorAction.CLEAR, body, authentication);
        inputs.operatorCleared(cleared.alarm());
        return cleared;
    }

    private AlarmDetailDto act(String id, AlarmService.OperatorAction action, CommentBody body,
                               Authentication authentication) {
        long alarmId = id(id);
        String comment = comment(body);
        return alarms.act(alarmId, action, authentication.getName(), comment, hidden(authentication));
    }

    /** DURESS is hidden from everyone but supervisors and admins. */
    static Set<String> hidden(Authentication authentication) {
        var roles = authentication.getRoles();
        return roles.contains(Roles.SUPERVISOR) || roles.contains(Roles.ADMIN) ? Set.of() : HIDDEN_FROM_MOST;
    }

    static String comment(CommentBody body) {
        String comment = body == null ? null : body.comment();
        if (comment == null || comment.isBlank()) {
            throw new InvalidInputException("comment is required");
        }
        String trimmed = comment.strip();
        if (trimmed.length() > AlarmRow.MAX_COMMENT) {
            throw new InvalidInputException("comment must be at most " + AlarmRow.MAX_COMMENT + " characters");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new InvalidInputException("comment must not contain control characters");
            }
        }
        return trimmed;
    }

    private static long id(String id) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // not an alarm id
        }
        throw new NotFoundException("alarm", id.length() > 40 ? id.substring(0, 40) : id);
    }

    private static Set<String> states(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        Set<String> all = new LinkedHashSet<>();
        for (String s : state.split(",")) {
            String v = s.strip().toUpperCase(Locale.ROOT);
            if ("OPEN".equals(v)) {
                all.add("ACTIVE");
                all.add("ACKNOWLEDGED");
                all.add("RETURNED_TO_NORMAL");
            } else if (STATES.contains(v)) {
                all.add(v);
            } else {
                throw new InvalidInputException("state must be ACTIVE, ACKNOWLEDGED, RETURNED_TO_NORMAL, CLEARED or OPEN");
            }
        }
        return all;
    }

    private static int number(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(field + " must be a whole number between " + min + " and " + max);
    }
}
