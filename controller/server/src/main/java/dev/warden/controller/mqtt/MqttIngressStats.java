package dev.warden.controller.mqtt;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.warden.contract.Verdict;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of everything the MQTT side accepted, rejected or denied since start. Thread-safe, lock-free; read as a
 * {@link Snapshot} ({@code GET /api/v1/mqtt/stats}). Keys are reason codes, never payload content.
 */
@Singleton
public class MqttIngressStats {

    /** Event ingestion outcomes. */
    public static final String STORED = "STORED";
    public static final String DUPLICATE = "DUPLICATE";
    public static final String FAILED = "FAILED";
    /** An event that can never be stored (bad data); it was acknowledged and dropped. */
    public static final String POISON = "POISON";

    /** A read-only copy of the counters; every key is always present (empty maps as {@code {}}). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Snapshot(
            boolean connected,
            Map<String, Long> decisions,
            Map<String, Long> rejections,
            Map<String, Long> events,
            long statusUpdates,
            long responseTopicsIgnored,
            long commandsSent,
            long repliesNotSent,
            long publishesRefused,
            Map<String, Long> aclDenials,
            Map<String, Long> authFailures,
            long authSuccesses,
            Map<String, Long> keyRequests) {}

    private final ConcurrentHashMap<String, LongAdder> decisions = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> rejections = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> events = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> aclDenials = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> authFailures = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder> keyRequests = new ConcurrentHashMap<>();
    private final LongAdder statusUpdates = new LongAdder();
    private final LongAdder responseTopicsIgnored = new LongAdder();
    private final LongAdder commandsSent = new LongAdder();
    private final LongAdder repliesNotSent = new LongAdder();
    private final LongAdder publishesRefused = new LongAdder();
    private final LongAdder authSuccesses = new LongAdder();
    private volatile boolean connected;

    public void decision(Verdict verdict) {
        inc(decisions, verdict.name());
    }

    /** A message refused for {@code reason} (e.g. MALFORMED_JSON, WIEGAND_PARITY_ERROR, AGENT_ID_MISMATCH). */
    public void rejected(String reason) {
        inc(rejections, reason);
    }

    /** {@link #STORED}, {@link #DUPLICATE}, {@link #POISON} or {@link #FAILED}. */
    public void event(String outcome) {
        inc(events, outcome);
    }

    public void statusUpdate() {
        statusUpdates.increment();
    }

    public void responseTopicIgnored() {
        responseTopicsIgnored.increment();
    }

    public void commandSent() {
        commandsSent.increment();
    }

    /** A decision could not be published (broker not connected). */
    public void replyNotSent() {
        repliesNotSent.increment();
    }

    /**
     * The broker answered one of the controller's own QoS 1 publishes (a decision, a door command) with an error
     * reason code, typically 0x87 not authorized: an external broker whose ACL does not let the controller's account
     * write that topic. The message was not delivered.
     */
    public void publishRefused() {
        publishesRefused.increment();
    }

    /** The broker refused a PUBLISH, SUBSCRIBE or WILL of an authenticated client. */
    public void aclDenied(String kind) {
        inc(aclDenials, kind);
    }

    public void authFailed(String reason) {
        inc(authFailures, reason);
    }

    public void authSucceeded() {
        authSuccesses.increment();
    }

    /**
     * A reader-key request was answered: {@code ISSUED} (stored key sent), {@code CREATED} (key made and sent),
     * {@code NOT_YOUR_READER}, {@code INTERNAL_ERROR}, or a parser rejection code.
     */
    public void keyRequest(String outcome) {
        inc(keyRequests, outcome);
    }

    public long keyRequests(String outcome) {
        LongAdder a = keyRequests.get(outcome);
        return a == null ? 0 : a.sum();
    }

    void connected(boolean value) {
        connected = value;
    }

    public long rejections(String reason) {
        LongAdder a = rejections.get(reason);
        return a == null ? 0 : a.sum();
    }

    public Snapshot snapshot() {
        return new Snapshot(
                connected,
                copy(decisions),
                copy(rejections),
                copy(events),
                statusUpdates.sum(),
                responseTopicsIgnored.sum(),
                commandsSent.sum(),
                repliesNotSent.sum(),
                publishesRefused.sum(),
                copy(aclDenials),
                copy(authFailures),
                authSuccesses.sum(),
                copy(keyRequests));
    }

    private static void inc(ConcurrentHashMap<String, LongAdder> map, String key) {
        map.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private static Map<String, Long> copy(ConcurrentHashMap<String, LongAdder> map) {
        Map<String, Long> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
