package dev.warden.controller.fingerprint;

import dev.warden.controller.api.ConflictException;
import dev.warden.controller.api.Input;
import dev.warden.controller.api.InvalidInputException;
import dev.warden.controller.api.NotFoundException;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.controller.person.PersonRepository;
import dev.warden.policy.FingerprintKey;
import dev.warden.policy.FingerprintStatus;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrolled fingerprints: validation ((module, page) unique, holder exists, status known), persistence, and a log
 * line for every enrolment, status change and deletion (ids only: a fingerprint record holds no biometric data).
 */
@Singleton
public class FingerprintService {
    private static final Logger LOG = LoggerFactory.getLogger(FingerprintService.class);

    private final FingerprintRepository fingerprints;
    private final PersonRepository people;
    private final AccessIndex index;
    private final Clock clock;

    public FingerprintService(FingerprintRepository fingerprints, PersonRepository people, AccessIndex index,
                              Clock clock) {
        this.fingerprints = fingerprints;
        this.people = people;
        this.index = index;
        this.clock = clock;
    }

    @ReadOnly
    public List<FingerprintDto> list(String personId) {
        List<FingerprintRow> rows = personId == null
                ? fingerprints.findAllOrderById()
                : fingerprints.findByPersonIdOrderById(personId);
        return rows.stream().map(FingerprintDto::of).toList();
    }

    @ReadOnly
    public FingerprintDto get(String id) {
        return fingerprints.findById(id).map(FingerprintDto::of)
                .orElseThrow(() -> new NotFoundException("fingerprint", id));
    }

    @Transactional
    public FingerprintDto create(FingerprintDto body) {
        Input.bodyPresent(body);
        String id = Input.id("id", body.id());
        if (fingerprints.existsById(id)) {
            throw new ConflictException("fingerprint '" + id + "' already exists");
        }
        FingerprintRow row = valid(id, body, now());
        fingerprints.save(row);
        LOG.info("Fingerprint {} of person {} enrolled at {}#{} ({})", id, row.personId(), row.moduleId(),
                row.pageId(), row.status());
        index.rebuildAfterCommit();
        return FingerprintDto.of(row);
    }

    @Transactional
    public FingerprintDto update(String id, FingerprintDto body) {
        Input.bodyPresent(body);
        Input.sameId(id, body.id());
        FingerprintRow before = fingerprints.findById(id).orElseThrow(() -> new NotFoundException("fingerprint", id));
        FingerprintRow candidate = valid(id, body, before.enrolledAt());
        boolean moved = !candidate.moduleId().equals(before.moduleId()) || candidate.pageId() != before.pageId();
        FingerprintRow row = moved
                ? new FingerprintRow(id, candidate.personId(), candidate.moduleId(), candidate.pageId(),
                        candidate.status(), now())
                : candidate;
        fingerprints.update(row);
        if (!before.status().equals(row.status())) {
            LOG.info("Fingerprint {} of person {} status {} -> {}", id, row.personId(), before.status(), row.status());
        }
        if (moved || !before.personId().equals(row.personId())) {
            LOG.info("Fingerprint {} now person {} at {}#{} (was person {} at {}#{})", id, row.personId(),
                    row.moduleId(), row.pageId(), before.personId(), before.moduleId(), before.pageId());
        }
        index.rebuildAfterCommit();
        return FingerprintDto.of(row);
    }

    /** Sets the status to REVOKED (idempotent); the finger no longer confirms anyone at any door. */
    @Transactional
    public FingerprintDto revoke(String id) {
        FingerprintRow before = fingerprints.findById(id).orElseThrow(() -> new NotFoundException("fingerprint", id));
        if (FingerprintStatus.REVOKED.name().equals(before.status())) {
            return FingerprintDto.of(before);
        }
        FingerprintRow row = new FingerprintRow(id, before.personId(), before.moduleId(), before.pageId(),
                FingerprintStatus.REVOKED.name(), before.enrolledAt());
        fingerprints.update(row);
        LOG.info("Fingerprint {} of person {} status {} -> {}", id, row.personId(), before.status(), row.status());
        index.rebuildAfterCommit();
        return FingerprintDto.of(row);
    }

    @Transactional
    public void delete(String id) {
        FingerprintRow before = fingerprints.findById(id).orElseThrow(() -> new NotFoundException("fingerprint", id));
        fingerprints.deleteById(id);
        LOG.info("Fingerprint {} of person {} at {}#{} deleted", id, before.personId(), before.moduleId(),
                before.pageId());
        index.rebuildAfterCommit();
    }

    private FingerprintRow valid(String id, FingerprintDto body, Instant enrolledAt) {
        String personId = Input.id("personId", body.personId());
        String moduleId = Input.id("moduleId", body.moduleId());
        Input.require(body.pageId() != null && body.pageId() >= 0 && body.pageId() <= FingerprintKey.MAX_PAGE_ID,
                "pageId is required (0.." + FingerprintKey.MAX_PAGE_ID + ")");
        FingerprintStatus status = body.status() == null || body.status().isBlank()
                ? FingerprintStatus.ACTIVE
                : Input.oneOf("status", body.status(), FingerprintStatus.class);
        if (!people.existsById(personId)) {
            throw new InvalidInputException("personId '" + personId + "' does not exist");
        }
        fingerprints.findByModuleIdAndPageId(moduleId, body.pageId())
                .filter(other -> !other.id().equals(id))
                .ifPresent(other -> {
                    throw new ConflictException("page " + body.pageId() + " of module " + moduleId
                            + " already holds fingerprint '" + other.id() + "'");
                });
        return new FingerprintRow(id, personId, moduleId, body.pageId(), status.name(), enrolledAt);
    }

    /** Microseconds: what both H2 and PostgreSQL store, so a stored row reads back equal. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
