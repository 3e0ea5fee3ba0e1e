package dev.warden.controller.person;

import dev.warden.controller.access.OperatorActions;
import dev.warden.controller.api.ConflictException;
import dev.warden.controller.api.InvalidInputException;
import dev.warden.controller.api.Input;
import dev.warden.controller.api.NotFoundException;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.controller.operator.Roles;
import dev.warden.controller.visit.ForbiddenActionException;
import dev.warden.policy.PersonKind;
import dev.warden.policy.PersonStatus;
import dev.warden.policy.PinHash;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People: validation and persistence, and their card + PIN secrets. A status change takes effect at the doors with
 * the next index version (a suspended or terminated host's visits stop granting with it).
 *
 * <p>Security attributes: {@code clearance} and {@code lockdownExempt} lift the threat-level and lockdown controls
 * at every door, so only a SUPERVISOR or ADMIN changes them, through {@link #setSecurity} with a reason, recorded as
 * an OPERATOR event naming the operator. Through {@link #create} / {@link #update} they may only be repeated
 * unchanged (on create: the defaults 0 and false); a change there is refused: 403 for other roles (HR), 400 pointing
 * to {@code /security} for a supervisor. A change of {@code mayEscort}, a PIN set and a PIN cleared are recorded as
 * OPERATOR events too (never with the PIN).
 *
 * <p>PINs are stored only as salted SHA-256 hashes keyed with the server-side {@link PinPepper}
 * ({@code PinHash.of(pin, HMAC(pepper, salt))}) and are never returned or logged; validation messages never repeat
 * them.
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
    private final PinPepper pepper;
    private final OperatorActions actions;
    private final SecureRandom random = new SecureRandom();

    public PersonService(PersonRepository people, AccessIndex index, PinPepper pepper, OperatorActions actions) {
        this.people = people;
        this.index = index;
        this.pepper = pepper;
        this.actions = actions;
    }

    @ReadOnly
    public List<PersonDto> list() {
        return people.findAllOrderById().stream().map(PersonDto::of).toList();
    }

    @ReadOnly
    public PersonDto get(String id) {
        return PersonDto.of(row(id));
    }

    /** Creates a person; {@code clearance} and {@code lockdownExempt} only at their defaults (see the class). */
    @Transactional
    public PersonDto create(PersonDto body, String operator, Collection<String> roles) {
        Input.bodyPresent(body);
        PersonRow row = valid(Input.id("id", body.id()), body, null);
        requireSecurityUnchanged(row.id(), 0, false, row, roles);
        if (people.existsById(row.id())) {
            throw new ConflictException("person '" + row.id() + "' already exists");
        }
        people.save(row);
        if (row.mayEscort()) {
            actions.record(operator, "PERSON_MAY_ESCORT", null, row.id(), "person " + row.id()
                    + " created with the right to escort visitors", null);
        }
        index.rebuildAfterCommit();
        return PersonDto.of(row);
    }

    /** Updates a person; {@code clearance} and {@code lockdownExempt} only unchanged (see the class). */
    @Transactional
    public PersonDto update(String id, PersonDto body, String operator, Collection<String> roles) {
        Input.bodyPresent(body);
        Input.sameId(id, body.id());
        PersonRow before = row(id);
        PersonRow row = valid(id, body, before);
        requireSecurityUnchanged(id, before.clearance(), before.lockdownExempt(), row, roles);
        people.update(row);
        if (!before.status().equals(row.status())) {
            LOG.info("Person {} status {} -> {}", id, before.status(), row.status());
        }
        if (before.mayEscort() != row.mayEscort()) {
            actions.record(operator, "PERSON_MAY_ESCORT", null, id, "may escort of person " + id + " "
                    + before.mayEscort() + " -> " + row.mayEscort(), null);
        }
        index.rebuildAfterCommit();
        return PersonDto.of(row);
    }

    /**
     * Changes a person's security attributes (SUPERVISOR or ADMIN, checked by the caller's route): omitted ones
     * stay; a reason is required; a change is recorded as a {@code PERSON_SECURITY} OPERATOR event, a repeat
     * changes (and records) nothing.
     */
    @Transactional
    public PersonDto setSecurity(String id, SecurityInput body, String operator) {
        Input.bodyPresent(body);
        String reason = reason(body.reason());
        PersonRow before = row(id);
        int clearance = body.clearance() != null ? body.clearance() : before.clearance();
        Input.require(clearance >= 0 && clearance <= MAX_CLEARANCE, "clearance must be between 0 and " + MAX_CLEARANCE);
        boolean exempt = body.lockdownExempt() != null ? body.lockdownExempt() : before.lockdownExempt();
        if (clearance == before.clearance() && exempt == before.lockdownExempt()) {
            return PersonDto.of(before);
        }
        PersonRow row = new PersonRow(id, before.displayName(), before.kind(), before.status(), clearance,
                before.mayEscort(), exempt, before.pinSalt(), before.pinHash(), before.duressPinHash());
        people.update(row);
        actions.record(operator, "PERSON_SECURITY", null, id, "security of person " + id + ": clearance "
                + before.clearance() + " -> " + clearance + ", lockdown-exempt " + before.lockdownExempt() + " -> "
                + exempt, reason);
        index.rebuildAfterCommit();
        return PersonDto.of(row);
    }

    private static void requireSecurityUnchanged(String id, int clearance, boolean exempt, PersonRow row,
                                                 Collection<String> roles) {
        if (row.clearance() == clearance && row.lockdownExempt() == exempt) {
            return;
        }
        if (!roles.contains(Roles.SUPERVISOR) && !roles.contains(Roles.ADMIN)) {
            throw new ForbiddenActionException("only a SUPERVISOR or ADMIN may change clearance or lockdownExempt "
                    + "(of person '" + id + "')");
        }
        throw new InvalidInputException("clearance and lockdownExempt change only through PUT /api/v1/people/" + id
                + "/security with a reason");
    }

    /** A supervisor's reason: required, one line of at most 500 characters. */
    static String reason(String value) {
        Input.require(value != null && !value.isBlank(), "reason is required");
        String trimmed = value.strip();
        Input.require(trimmed.length() <= 500, "reason must be at most 500 characters");
        for (int i = 0; i < trimmed.length(); i++) {
            Input.require(!Character.isISOControl(trimmed.charAt(i)), "reason must not contain control characters");
        }
        return trimmed;
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
    public PersonDto setPin(String id, PinInput body, String operator) {
        Input.bodyPresent(body);
        PersonRow before = row(id);
        String pin = body.pin();
        String duress = body.duressPin() == null || body.duressPin().isEmpty() ? null : body.duressPin();
        Input.require(pin != null && PIN.matcher(pin).matches(), "pin must be 4 to 8 digits");
        Input.require(duress == null || PIN.matcher(duress).matches(), "duressPin must be 4 to 8 digits");
        Input.require(duress == null || !duress.equals(pin), "duressPin must differ from pin");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        PinHash hash = pepper.hash(pin, salt);
        PinHash duressHash = duress == null ? null : pepper.hash(duress, salt);
        people.update(before.withPin(HEX.formatHex(salt), HEX.formatHex(hash.hash()),
                duressHash == null ? null : HEX.formatHex(duressHash.hash())));
        actions.record(operator, "PIN_SET", null, id, "PIN of person " + id + " set ("
                + (duressHash == null ? "without" : "with") + " duress PIN)", null);
        index.rebuildAfterCommit();
        return get(id);
    }

    /** Removes the person's PIN and duress PIN (a card + PIN door then denies them PIN_MISMATCH). */
    @Transactional
    public void clearPin(String id, String operator) {
        PersonRow before = row(id);
        if (before.pinHash() == null && before.duressPinHash() == null) {
            return;
        }
        people.update(before.withPin(null, null, null));
        actions.record(operator, "PIN_CLEARED", null, id, "PIN of person " + id + " cleared", null);
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
