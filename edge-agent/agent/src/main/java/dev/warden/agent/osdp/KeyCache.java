package dev.warden.agent.osdp;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The readers' Secure Channel keys, fetched from {@link ReaderKeys} away from the bus thread: {@link ReaderKeys} may
 * block for seconds (it asks the controller), and a bus thread waiting for it would stop every reader of the line.
 * {@link #lookup} never blocks: it answers with the key, with "missing" (the last fetch found none; the next lookup
 * fetches again) or with "pending" (a fetch is running: ask again later). At most one fetch per reader runs at a time,
 * each on its own daemon thread, so a reader whose key hangs never delays another reader's key. A key once fetched
 * is kept in memory (never logged) until {@link #forget} or {@link #close}. Thread-safe.
 */
final class KeyCache implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeyCache.class);

    /** The answer of {@link #lookup}. */
    sealed interface Lookup permits Lookup.Found, Lookup.Missing, Lookup.Pending {

        /** The key (a copy owned by the caller: zero it when done). */
        record Found(byte[] key) implements Lookup {
            @Override
            public String toString() {
                return "Found[key hidden]";
            }
        }

        /** The last fetch found no key (or failed). */
        record Missing() implements Lookup {}

        /** A fetch is running. */
        record Pending() implements Lookup {}
    }

    private final ReaderKeys keys;
    private final Executor executor;
    private final BusCounters counters;
    private final Map<String, byte[]> found = new ConcurrentHashMap<>();
    private final Set<String> missing = ConcurrentHashMap.newKeySet();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private KeyCache(ReaderKeys keys, Executor executor, BusCounters counters) {
        this.keys = keys;
        this.executor = executor;
        this.counters = counters;
    }

    /** Fetches on daemon threads named {@code osdp-<busId>-key-<n>}. */
    static KeyCache threaded(String busId, ReaderKeys keys, BusCounters counters) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "osdp-" + busId + "-key-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new KeyCache(keys, pool, counters);
    }

    /** Fetches in the calling thread: {@link #lookup} answers at once (for a PD driven without a bus thread). */
    static KeyCache direct(ReaderKeys keys, BusCounters counters) {
        return new KeyCache(keys, Runnable::run, counters);
    }

    /** Starts fetching the keys of these readers. */
    void prefetch(Collection<String> readerIds) {
        readerIds.forEach(this::fetch);
    }

    /** The reader's key if at hand; otherwise starts a fetch (unless one runs) and says so. Never blocks. */
    Lookup lookup(String readerId) {
        Optional<Lookup> answer = answer(readerId);
        if (answer.isPresent()) {
            return answer.get();
        }
        fetch(readerId);
        return answer(readerId).orElseGet(Lookup.Pending::new);
    }

    /** Drops the reader's key (it was refused or unusable): the next lookup fetches it again. */
    void forget(String readerId) {
        byte[] key = found.remove(readerId);
        if (key != null) {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Stops the fetch threads and zeroes every key held. */
    @Override
    public void close() {
        closed = true;
        if (executor instanceof ExecutorService pool) {
            pool.shutdownNow();
        }
        found.keySet().forEach(this::forget);
    }

    private Optional<Lookup> answer(String readerId) {
        byte[] key = found.get(readerId);
        if (key != null) {
            return Optional.of(new Lookup.Found(key.clone()));
        }
        if (missing.remove(readerId)) {
            return Optional.of(new Lookup.Missing());
        }
        return Optional.empty();
    }

    private void fetch(String readerId) {
        if (closed || found.containsKey(readerId) || !inFlight.add(readerId)) {
            return;
        }
        try {
            executor.execute(() -> run(readerId));
        } catch (RejectedExecutionException e) {
            inFlight.remove(readerId);
        }
    }

    private void run(String readerId) {
        Optional<byte[]> key;
        try {
            key = keys.scbk(readerId);
        } catch (RuntimeException e) {
            counters.increment("key_lookup_failed");
            LOG.warn("reader {}: asking for its Secure Channel key failed ({})", readerId, e.getClass().getSimpleName());
            key = Optional.empty();
        }
        if (key != null && key.isPresent() && key.get() != null && !closed) {
            found.put(readerId, key.get().clone());
            missing.remove(readerId);
        } else {
            missing.add(readerId);
        }
        inFlight.remove(readerId);
    }
}
