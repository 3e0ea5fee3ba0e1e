package dev.warden.controller.mqtt;

import java.util.List;

/**
 * An MQTT device account as the broker sees it (never its secret): the topic filters it may publish to and subscribe
 * to, and whether it may connect at all.
 */
public record MqttAccount(String username, List<String> publishFilters, List<String> subscribeFilters, boolean enabled) {
    public MqttAccount {
        publishFilters = List.copyOf(publishFilters);
        subscribeFilters = List.copyOf(subscribeFilters);
    }

    /** True when this account may publish to the concrete {@code topic}. */
    public boolean mayPublish(String topic) {
        if (!enabled || !TopicFilters.isValidTopicName(topic)) {
            return false;
        }
        for (String filter : publishFilters) {
            if (TopicFilters.matches(filter, topic)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when this account may subscribe to {@code filter}. A shared subscription {@code $share/group/f} is judged by
     * its inner filter {@code f}.
     */
    public boolean maySubscribe(String filter) {
        if (!enabled || filter == null) {
            return false;
        }
        String inner = TopicFilters.shared(filter).map(TopicFilters.Shared::filter).orElse(filter);
        if (inner.startsWith("$share/") || TopicFilters.problem(inner).isPresent()) {
            return false;
        }
        for (String allowed : subscribeFilters) {
            if (TopicFilters.covers(allowed, inner)) {
                return true;
            }
        }
        return false;
    }
}
