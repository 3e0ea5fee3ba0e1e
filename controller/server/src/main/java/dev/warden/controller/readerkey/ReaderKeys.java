package dev.warden.controller.readerkey;

import dev.warden.controller.api.SqlErrors;
import dev.warden.controller.door.DoorRepository;
import dev.warden.controller.door.DoorRow;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out the Secure Channel base key of a reader to the edge agent that serves it.
 *
 * <p>Only the agent named by the door of the reader ({@code door.agent_id}, with the reader as {@code reader_in_id}
 * or {@code reader_out_id}) gets the key; asked by anyone else, or for a reader on no door, the answer is
 * {@link Answer.NotYourReader}: the same answer in both cases, so an agent cannot probe which readers exist. The
 * database is asked, not the access index, so a door just moved to another agent is never answered from a stale
 * copy.
 *
 * <p>The first request for a reader draws 16 bytes from {@link SecureRandom} and stores them; later requests
 * return the stored key. When two controller instances race on the first request, the second insert fails on the
 * primary key and the stored key is returned, so every instance hands out the same key. Keys are never logged.
 */
@Singleton
public class ReaderKeys {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderKeys.class);
    static final int KEY_BYTES = 16;

    private final ReaderKeyRepository keys;
    private final DoorRepository doors;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ReaderKeys(ReaderKeyRepository keys, DoorRepository doors, Clock clock) {
        this.keys = keys;
        this.doors = doors;
        this.clock = clock;
    }

    /** The outcome of a key request. */
    public sealed interface Answer {
        /** The key, 32 hex characters; {@code created} when this request made it. */
        record Key(String scbkHex, boolean created) implements Answer {
            @Override
            public String toString() {
                return "Key[scbk=<redacted>, created=" + created + "]";
            }
        }

        /** Not for this agent: the reader is on no door, or on a door another agent (or none) serves. */
        record NotYourReader(String why) implements Answer {}
    }

    /**
     * The key of {@code readerId} for {@code agentId}, created on first use.
     *
     * @throws RuntimeException when the database fails (the caller answers INTERNAL_ERROR)
     */
    public Answer keyFor(String agentId, String readerId) {
        List<DoorRow> serving = doors.findByReader(readerId);
        if (serving.isEmpty()) {
            return new Answer.NotYourReader("reader " + readerId + " is on no door");
        }
        if (serving.size() > 1) {
            // reader ids are unique across doors (DoorService); two doors naming one reader means that check was
            // bypassed, and neither agent can be trusted with the key
            LOG.warn("reader {} is named by {} doors; its key is given to nobody until that is corrected", readerId, serving.size());
            return new Answer.NotYourReader("reader " + readerId + " is on " + serving.size() + " doors");
        }
        DoorRow door = serving.getFirst();
        if (!agentId.equals(door.agentId())) {
            return new Answer.NotYourReader("reader " + readerId + " is on door " + door.id() + ", served by "
                    + (door.agentId() == null ? "no agent" : "agent " + door.agentId()));
        }
        Optional<ReaderKeyRow> stored = keys.findById(readerId);
        if (stored.isPresent()) {
            return new Answer.Key(stored.get().scbk(), false);
        }
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        ReaderKeyRow row = new ReaderKeyRow(readerId, HexFormat.of().formatHex(key),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        try {
            keys.save(row);
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                LOG.info("Key of reader {} was created concurrently by another request; using the stored one",
                        readerId);
                return new Answer.Key(keys.findById(readerId).orElseThrow(() -> e).scbk(), false);
            }
            throw e;
        }
        LOG.info("Secure Channel key of reader {} created for agent {}", readerId, agentId);
        return new Answer.Key(row.scbk(), true);
    }
}
