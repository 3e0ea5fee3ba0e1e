package dev.warden.controller.operator;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Slows password guessing. Failed sign-ins are counted per user name and per client address; after
 * {@link #FREE_PER_USER} failures for a user name (or {@link #FREE_PER_CLIENT} from one address) each further attempt
 * is refused until {@code 1 s × 2^(failures − free)} (at most {@link #MAX_LOCK}) has passed since the last failure.
 * A success clears the user name's count (not the address's); counts are forgotten {@link #FORGET} after the last
 * failure. Both maps are bounded ({@link #MAX_KEYS}, least recently used dropped first), so a flood of made-up
 * names cannot exhaust memory.
 *
 * <p>PBKDF2 verifications (hundreds of milliseconds each at production cost) are bounded to one per processor;
 * a sign-in that cannot start one within {@link #PERMIT_WAIT} is refused as busy.
 */
@Singleton
public class SignInThrottle {
    static final int FREE_PER_USER = 5;
    static final int FREE_PER_CLIENT = 20;
    static final Duration BASE = Duration.ofSeconds(1);
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    static final Duration FORGET = Duration.ofHours(1);
    static final Duration PERMIT_WAIT = Duration.ofSeconds(2);
    static final int MAX_KEYS = 10_000;

    /** Failure count and time of the last failure of one key. */
    private record Failures(int count, Instant last) {}

    private final Clock clock;
    private final Semaphore verifications;
    private final Map<String, Failures> byUser = lru();
    private final Map<String, Failures> byClient = lru();

    public SignInThrottle(Clock clock,
                          @Value("${warden.security.concurrent-sign-ins:0}") int concurrentSignIns) {
        this.clock = clock;
        this.verifications = new Semaphore(concurrentSignIns > 0 ? concurrentSignIns
                : Runtime.getRuntime().availableProcessors());
    }

    /** How long the caller must wait before trying again; {@link Duration#ZERO} when it may try now. */
    public synchronized Duration lockedFor(String username, String client) {
        Instant now = clock.instant();
        Duration user = remaining(byUser, key(username), FREE_PER_USER, now);
        Duration addr = remaining(byClient, client, FREE_PER_CLIENT, now);
        return user.compareTo(addr) >= 0 ? user : addr;
    }

    public synchronized void failed(String username, String client) {
        Instant now = clock.instant();
        bump(byUser, key(username), now);
        bump(byClient, client, now);
    }

    public synchronized void succeeded(String username) {
        byUser.remove(key(username));
    }

    /** Takes a verification permit, waiting at most {@link #PERMIT_WAIT}; false when none became free. */
    public boolean acquireVerification() throws InterruptedException {
        return verifications.tryAcquire(PERMIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void releaseVerification() {
        verifications.release();
    }

    synchronized int trackedKeys() {
        return byUser.size() + byClient.size();
    }

    private static String key(String username) {
        if (username == null) {
            return "";
        }
        return username.length() > 64 ? username.substring(0, 64) : username;
    }

    private Duration remaining(Map<String, Failures> map, String key, int free, Instant now) {
        if (key == null) {
            return Duration.ZERO;
        }
        Failures f = map.get(key);
        if (f == null) {
            return Duration.ZERO;
        }
        if (!now.isBefore(f.last().plus(FORGET))) {
            map.remove(key);
            return Duration.ZERO;
        }
        if (f.count() < free) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, f.last().plus(lockFor(f.count() - free)));
        return left.isNegative() ? Duration.ZERO : left;
    }

    static Duration lockFor(int beyondFree) {
        if (beyondFree >= 20) {
            return MAX_LOCK;
        }
        Duration d = BASE.multipliedBy(1L << beyondFree);
        return d.compareTo(MAX_LOCK) > 0 ? MAX_LOCK : d;
    }

    private void bump(Map<String, Failures> map, String key, Instant now) {
        if (key == null) {
            return;
        }
        Failures f = map.get(key);
        int count = f == null || !now.isBefore(f.last().plus(FORGET)) ? 1 : f.count() + 1;
        map.put(key, new Failures(count, now));
    }

    private static Map<String, Failures> lru() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > MAX_KEYS;
            }
        };
    }
}
