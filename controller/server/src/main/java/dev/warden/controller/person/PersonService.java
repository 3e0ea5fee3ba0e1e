package dev.warden.controller.person;

import dev.warden.controller.api.ConflictException;
import dev.warden.controller.api.Input;
import dev.warden.controller.api.NotFoundException;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.policy.PersonKind;
import dev.warden.policy.PersonStatus;
import dev.warden.policy.PinHash;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People: validation and persistence, and their card + PIN secrets. A status change takes effect at the doors with
 * the next index version. PINs are stored only as salted SHA-256 hashes ({@link PinHash}) and are never returned or
 * logged; validation messages never repeat them.
 */
@Singleton
public class PersonService {
    private static final Logger LOG = LoggerFactory.getLogger(PersonService.class);
    static final int MAX_CLEARANCE = 3;
    static final int SALT_BYTES = 16;
    private static final Pattern PIN = Pattern.compile("[0-9]{4,8}");
    private static final HexFormat HEX = HexFormat.of();

    private final PersonRepository people;
    private final AccessIndex index;
    private final SecureRandom random = new SecureRandom();

    public PersonService(PersonRepository people, AccessIndex index) {
        this.people = people;
        this.index = index;
    }

    @ReadOnly
    public List<PersonDto> list() {
        return people.findAllOrderById().stream().map(PersonDto::of).toList();
    }

    @ReadOnly
    public PersonDto get(String id) {
        return PersonDto.of(row(id));
    }

    @Transactional
    public PersonDto create(PersonDto body) {
        Input.bodyPresent(body);
        PersonRow row = valid(Input.id("id", body.id()), body, null);
        if (people.existsById(row.id())) {
            throw new ConflictException("person '" + row.id() + "' already exists");
        }
        people.save(row);
        index.rebuildAfterCommit();
        return PersonDto.of(row);
    }

    @Transactional
    public PersonDto update(String id, PersonDto body) {
        Input.bodyPresent(body);
        Input.sameId(id, body.id());
        PersonRow before = row(id);
        PersonRow row = valid(id, body, before);
        people.update(row);
        if (!before.status().equals(row.status())) {
            LOG.info("Person {} status {} -> {}", id, before.status(), row.status());
        }
        if (before.clearance() != row.clearance() || before.mayEscort() != row.mayEscort()
                || before.lockdownExempt() != row.lockdownExempt()) {
            LOG.info("Person {} clearance {} -> {}, may escort {} -> {}, lockdown-exempt {} -> {}", id,
                    before.clearance(), row.clearance(), before.mayEscort(), row.mayEscort(),
                    before.lockdownExempt(), row.lockdownExempt());
        }
        index.rebuildAfterCommit();
        return PersonDto.of(row);
    }

    @Transactional
    public void delete(String id) {
        if (!people.existsById(id)) {
            throw new NotFoundException("person", id);
        }
        if (people.countReferences(id) > 0) {
            throw new ConflictException("person '" + id + "' still has credentials, fingerprints, access assignments "
                    + "or visits; delete them first (or set the person's status to TERMINATED)");
        }
        people.deleteById(id);
        index.rebuildAfterCommit();
    }

    /**
     * Sets (replaces) the person's PIN and duress PIN: each 4..8 digits, the duress PIN different from the PIN
     * (omitted: no duress PIN). A fresh random salt each time.
     */
    @Transactional
    public PersonDto setPin(String id, PinInput body) {
        Input.bodyPresent(body);
        PersonRow before = row(id);
        String pin = body.pin();
        String duress = body.duressPin() == null || body.duressPin().isEmpty() ? null : body.duressPin();
        Input.require(pin != null && PIN.matcher(pin).matches(), "pin must be 4 to 8 digits");
        Input.require(duress == null || PIN.matcher(duress).matches(), "duressPin must be 4 to 8 digits");
        Input.require(duress == null || !duress.equals(pin), "duressPin must differ from pin");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        PinHash hash = PinHash.of(pin, salt);
        PinHash duressHash = duress == null ? null : PinHash.of(duress, salt);
        people.update(before.withPin(HEX.formatHex(salt), HEX.formatHex(hash.hash()),
                duressHash == null ? null : HEX.formatHex(duressHash.hash())));
        LOG.info("Person {} PIN set ({} duress PIN)", id, duressHash == null ? "without" : "with");
        index.rebuildAfterCommit();
        return get(id);
    }

    /** Removes the person's PIN and duress PIN (a card + PIN door then denies them PIN_MISMATCH). */
    @Transactional
    public void clearPin(String id) {
        PersonRow before = row(id);
        if (before.pinHash() == null && before.duressPinHash() == null) {
            return;
        }
        people.update(before.withPin(null, null, null));
        LOG.info("Person {} PIN cleared", id);
        index.rebuildAfterCommit();
    }

    private PersonRow row(String id) {
        return people.findById(id).orElseThrow(() -> new NotFoundException("person", id));
    }

    /** {@code before}: the stored person on update (omitted policy fields and the PIN columns are kept), or null. */
    private static PersonRow valid(String id, PersonDto body, PersonRow before) {
        String name = Input.name("displayName", body.displayName());
        PersonKind kind = Input.oneOf("kind", body.kind(), PersonKind.class);
        PersonStatus status = body.status() == null
                ? (before == null ? PersonStatus.ACTIVE : PersonStatus.valueOf(before.status()))
                : Input.oneOf("status", body.status(), PersonStatus.class);
        int clearance = body.clearance() != null ? body.clearance() : before == null ? 0 : before.clearance();
        Input.require(clearance >= 0 && clearance <= MAX_CLEARANCE, "clearance must be between 0 and " + MAX_CLEARANCE);
        boolean mayEscort = body.mayEscort() != null ? body.mayEscort() : before != null && before.mayEscort();
        boolean exempt = body.lockdownExempt() != null ? body.lockdownExempt()
                : before != null && before.lockdownExempt();
        Input.require(!(mayEscort && kind == PersonKind.VISITOR), "a VISITOR cannot escort (mayEscort must be false)");
        return new PersonRow(id, name, kind.name(), status.name(), clearance, mayEscort, exempt,
                before == null ? null : before.pinSalt(), before == null ? null : before.pinHash(),
                before == null ? null : before.duressPinHash());
    }
}
