package dev.warden.controller.mqtt;

import java.util.Optional;

/**
 * MQTT topic-filter arithmetic used for the broker ACL: does a filter match a topic, does an allowed filter cover a
 * requested one, is a filter well formed, and what is inside a {@code $share/group/filter}. Pure functions, no I/O.
 */
public final class TopicFilters {

    public static final int MAX_FILTER_LENGTH = 1024;
    private static final String SHARE_PREFIX = "$share/";

    private TopicFilters() {}

    /** A shared subscription {@code $share/group/filter} taken apart. */
    public record Shared(String group, String filter) {}

    /**
     * True when {@code topic} (a concrete topic name) is matched by {@code filter} under the MQTT rules: {@code +}
     * matches one level, a trailing {@code #} matches the parent level and any number of levels below it, and topics
     * starting with {@code $} are never matched by a leading wildcard.
     */
    public static boolean matches(String filter, String topic) {
        if (filter == null || topic == null || topic.isEmpty()) {
            return false;
        }
        if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
            return false;
        }
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        int i = 0;
        for (; i < f.length; i++) {
            String level = f[i];
            if (level.equals("#")) {
                return i == f.length - 1;
            }
            if (i >= t.length) {
                return false;
            }
            if (!level.equals("+") && !level.equals(t[i])) {
                return false;
            }
        }
        return i == t.length;
    }

    /**
     * True when every topic that {@code requested} can match is also matched by {@code allowed}, i.e. a client allowed
     * {@code allowed} may subscribe to {@code requested}. Both must be valid filters.
     */
    public static boolean covers(String allowed, String requested) {
        if (allowed == null || requested == null) {
            return false;
        }
        String[] a = allowed.split("/", -1);
        String[] r = requested.split("/", -1);
        for (int i = 0; i < a.length; i++) {
            String level = a[i];
            if (level.equals("#")) {
                if (i == 0 && requested.startsWith("$")) {
                    return false;
                }
                return true;
            }
            if (i >= r.length) {
                return false;
            }
            String req = r[i];
            if (req.equals("#")) {
                return false;
            }
            if (level.equals("+")) {
                if (i == 0 && requested.startsWith("$")) {
                    return false;
                }
                continue;
            }
            if (!level.equals(req)) {
                return false;
            }
        }
        return a.length == r.length;
    }

    /** Why {@code filter} is not a valid MQTT topic filter, or empty when it is one. */
    public static Optional<String> problem(String filter) {
        if (filter == null || filter.isEmpty()) {
            return Optional.of("topic filter must not be empty");
        }
        if (filter.length() > MAX_FILTER_LENGTH) {
            return Optional.of("topic filter longer than " + MAX_FILTER_LENGTH + " characters");
        }
        for (int i = 0; i < filter.length(); i++) {
            char c = filter.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of("topic filter contains a control character");
            }
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                return Optional.of("'#' must be a whole level and the last one");
            }
            if (level.contains("+") && !level.equals("+")) {
                return Optional.of("'+' must be a whole level");
            }
        }
        return Optional.empty();
    }

    /** True when {@code topic} is a valid topic name to publish to (non-empty, no wildcards, no control chars). */
    public static boolean isValidTopicName(String topic) {
        return topic != null
                && !topic.isEmpty()
                && topic.indexOf('+') < 0
                && topic.indexOf('#') < 0
                && problem(topic).isEmpty();
    }

    /** The group and inner filter of a {@code $share/group/filter}, or empty when {@code filter} is not shared. */
    public static Optional<Shared> shared(String filter) {
        if (filter == null || !filter.startsWith(SHARE_PREFIX)) {
            return Optional.empty();
        }
        String rest = filter.substring(SHARE_PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new Shared(rest.substring(0, slash), rest.substring(slash + 1)));
    }
}
