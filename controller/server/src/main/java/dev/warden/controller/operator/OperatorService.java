package dev.warden.controller.operator;

import dev.warden.controller.api.ConflictException;
import dev.warden.controller.api.Input;
import dev.warden.controller.api.InvalidInputException;
import dev.warden.controller.api.NotFoundException;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Operator accounts: password checks, role validation, and the rule that one enabled ADMIN always remains (changes
 * that could break it lock the operator rows first, so two concurrent changes cannot both pass the check). Every
 * change of password, roles or enabled flag, and every deletion, moves the operator's
 * {@code credentialsChangedAt}, which signs out the tokens issued before ({@link OperatorSessions}).
 */
@Singleton
public class OperatorService {
    public static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 256;

    /**
     * Who signed in.
     *
     * @param credentialsVersion the operator's {@code credentialsChangedAt} in epoch milliseconds, carried in the
     *                           token as claim {@value OperatorSessions#CLAIM}
     */
    public record SignedIn(String username, List<String> roles, long credentialsVersion) {}

    private final OperatorRepository operators;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final OperatorSessions sessions;

    public OperatorService(OperatorRepository operators, PasswordHasher hasher, Clock clock,
                           OperatorSessions sessions) {
        this.operators = operators;
        this.hasher = hasher;
        this.clock = clock;
        this.sessions = sessions;
    }

    /** Checks a password; an unknown or disabled account costs the same time as a wrong password. */
    @ReadOnly
    public Optional<SignedIn> authenticate(String username, String password) {
        if (username == null || password == null || password.length() > MAX_PASSWORD
                || !Input.isId(username)) {
            return Optional.empty();
        }
        char[] chars = password.toCharArray();
        try {
            Optional<OperatorRow> row = operators.findById(username);
            if (row.isEmpty() || !row.get().enabled()) {
                hasher.burn(chars);
                return Optional.empty();
            }
            OperatorRow op = row.get();
            if (!hasher.verify(chars, op.passwordHash(), op.salt(), op.iterations())) {
                return Optional.empty();
            }
            return Optional.of(new SignedIn(op.username(), op.roleList(),
                    op.credentialsChangedAt().toEpochMilli()));
        } finally {
            PasswordHasher.wipe(chars);
        }
    }

    @ReadOnly
    public long count() {
        return operators.count();
    }

    @ReadOnly
    public List<OperatorDto> list() {
        return operators.findAllOrderByUsername().stream().map(OperatorDto::of).toList();
    }

    @ReadOnly
    public OperatorDto get(String username) {
        return operators.findById(username).map(OperatorDto::of)
                .orElseThrow(() -> new NotFoundException("operator", username));
    }

    @Transactional
    public OperatorDto create(OperatorInput input) {
        Input.bodyPresent(input);
        String username = Input.id("username", input.username());
        String roles = roles(input.roles());
        checkPassword(input.password());
        if (operators.existsById(username)) {
            throw new ConflictException("operator '" + username + "' already exists");
        }
        PasswordHasher.Hashed h = hash(input.password());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        OperatorRow row = new OperatorRow(username, h.hash(), h.salt(), h.iterations(), roles,
                input.enabled() == null || input.enabled(), now, now);
        operators.save(row);
        sessions.forget(username);
        return OperatorDto.of(row);
    }

    @Transactional
    public OperatorDto update(String username, OperatorInput input) {
        Input.bodyPresent(input);
        Input.sameId(username, input.username());
        operators.lockAll();
        OperatorRow before = operators.findById(username)
                .orElseThrow(() -> new NotFoundException("operator", username));
        String roles = input.roles() == null ? before.roles() : roles(input.roles());
        boolean enabled = input.enabled() == null ? before.enabled() : input.enabled();
        String hash = before.passwordHash();
        String salt = before.salt();
        int iterations = before.iterations();
        if (input.password() != null) {
            checkPassword(input.password());
            PasswordHasher.Hashed h = hash(input.password());
            hash = h.hash();
            salt = h.salt();
            iterations = h.iterations();
        }
        boolean changed = input.password() != null || !roles.equals(before.roles()) || enabled != before.enabled();
        OperatorRow after = new OperatorRow(username, hash, salt, iterations, roles, enabled, before.createdAt(),
                changed ? nextChange(before) : before.credentialsChangedAt());
        if (isActiveAdmin(before) && !isActiveAdmin(after) && activeAdmins() <= 1) {
            throw new ConflictException("'" + username + "' is the last enabled ADMIN; keep at least one");
        }
        operators.update(after);
        sessions.forgetAfterCommit(username);
        return OperatorDto.of(after);
    }

    @Transactional
    public void delete(String username) {
        operators.lockAll();
        OperatorRow before = operators.findById(username)
                .orElseThrow(() -> new NotFoundException("operator", username));
        if (isActiveAdmin(before) && activeAdmins() <= 1) {
            throw new ConflictException("'" + username + "' is the last enabled ADMIN; keep at least one");
        }
        operators.deleteById(username);
        sessions.forgetAfterCommit(username);
    }

    /** Strictly after the previous change, so that a token of the previous version never matches again. */
    private Instant nextChange(OperatorRow before) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant previous = before.credentialsChangedAt();
        return previous != null && !now.isAfter(previous) ? previous.plusMillis(1) : now;
    }

    private long activeAdmins() {
        return operators.findAll().stream().filter(OperatorService::isActiveAdmin).count();
    }

    private static boolean isActiveAdmin(OperatorRow row) {
        return row.enabled() && row.roleList().contains(Roles.ADMIN);
    }

    private PasswordHasher.Hashed hash(String password) {
        char[] chars = password.toCharArray();
        try {
            return hasher.hash(chars);
        } finally {
            PasswordHasher.wipe(chars);
        }
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new InvalidInputException("password must be " + MIN_PASSWORD + ".." + MAX_PASSWORD + " characters");
        }
        if (password.isBlank()) {
            throw new InvalidInputException("password must not be blank");
        }
    }

    static String roles(List<String> given) {
        if (given == null || given.isEmpty()) {
            throw new InvalidInputException("roles must name at least one of " + String.join(", ", Roles.ALL));
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String role : given) {
            String r = role == null ? "" : role.strip().toUpperCase(Locale.ROOT);
            if (!Roles.ALL.contains(r)) {
                throw new InvalidInputException("unknown role '" + role + "'; roles are " + String.join(", ", Roles.ALL));
            }
            roles.add(r);
        }
        return String.join(",", roles);
    }
}
