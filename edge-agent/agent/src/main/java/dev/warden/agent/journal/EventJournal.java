package dev.warden.agent.journal;

import dev.warden.agent.event.PublishEvent;
import dev.warden.agent.event.SequenceStore;
import dev.warden.agent.health.Counters;
import dev.warden.agent.store.FileSequenceStore;
import dev.warden.contract.AgentEvent;
import dev.warden.contract.ContractJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable, append-only event journal in {@code <dataDir>/journal/}: segment files
 * {@code segment-<first seq, 20 digits>.log} of {@link JournalRecord}s, and {@code acked}, the last sequence the
 * broker confirmed (written at most every {@link JournalSettings#ackPersistInterval()}, so after a crash a few events
 * are sent again, which the controller's {@code (agentId, seq)} idempotence makes harmless).
 *
 * <p>As {@link PublishEvent}, {@link #publish} appends the event and forces it to disk ({@code FileChannel.force})
 * before returning; only then may the {@link JournalForwarder} see it. As {@link SequenceStore} it gives the agent its
 * numbering: on open, the last sequence is the highest of the journal's records, its acknowledged position and the
 * legacy {@code <dataDir>/event-seq} file of older agents (a corrupt legacy file stops the start, as before).
 *
 * <p>Recovery on {@link #open}: every segment is scanned ({@link JournalRecord#scan}); a torn or corrupt tail is
 * truncated (logged, counted {@code journal.recovery.truncated}), a corrupt region with valid records behind it is
 * skipped and the records behind it kept (logged, counted {@code journal.recovery.corrupt-skipped}).
 *
 * <p>Capacity: the bytes of all segments on disk. Past {@value JournalSettings#HIGH_PERCENT} % of
 * {@link JournalSettings#capacityBytes()} the journal is high (warning, counter {@code journal.high}); past the
 * capacity new events still go into the reserve ({@code journal.reserve-used}, logged as an error); when the reserve
 * is used up a new event is refused ({@code journal.refused}, error log) — nothing already journaled is ever dropped.
 * A segment is deleted once every event in it is acknowledged (never the segment being written).
 */
public final class EventJournal implements SequenceStore, PublishEvent, AutoCloseable {

    public static final String DIR_NAME = "journal";
    static final String ACKED_FILE = "acked";
    private static final String PREFIX = "segment-";
    private static final String SUFFIX = ".log";
    private static final long REFUSAL_LOG_INTERVAL_NANOS = 10_000_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(EventJournal.class);

    /** The outcome of {@link #append}. */
    public sealed interface Appended {
        /** On disk. {@code reserve}: it went into the reserve beyond the capacity. */
        record Accepted(long seq, int bytes, boolean reserve) implements Appended {}

        /** Not journaled, so never sent: {@code FULL}, {@code TOO_LARGE}, {@code OUT_OF_ORDER}, {@code WRITE_FAILED}, {@code CLOSED}. */
        record Refused(long seq, String reason) implements Appended {}
    }

    /** What {@link #open} found. */
    public record Recovery(
            int segments, long records, long lastRecordSeq, long ackedSeq, long legacySeq, int truncatedTails, long truncatedBytes, int corruptRegions) {}

    /** A snapshot for health reporting and tests. */
    public record Stats(
            long lastSeq, long ackedSeq, long usedBytes, long capacityBytes, long reserveBytes, boolean high, int segments, long refused) {
        /** Percent of the capacity in use (may exceed 100 while the reserve is used). */
        public int fillPercent() {
            return (int) (usedBytes * 100 / capacityBytes);
        }
    }

    /** Where a record starts: the segment (by its first sequence) and the byte offset in it. */
    public record Position(long segmentBase, long offset) {}

    /** One segment's metadata; mutable fields guarded by the journal's monitor. */
    static final class Segment {
        final long base;
        final Path path;
        final List<int[]> skipped;
        long end;
        long lastSeq;

        Segment(long base, Path path, long end, long lastSeq, List<int[]> skipped) {
            this.base = base;
            this.path = path;
            this.end = end;
            this.lastSeq = lastSeq;
            this.skipped = skipped;
        }
    }

    /** A read-only view of a segment for {@link JournalReader}; {@code nextBase} is -1 for the segment being written. */
    record SegmentView(long base, Path path, long end, List<int[]> skipped, long nextBase) {}

    private final Path dir;
    private final JournalSettings settings;
    private final Counters counters;
    private final FileSequenceStore ackStore;
    private final Recovery recovery;
    private final Object writeLock = new Object();
    private final List<Segment> segments = new ArrayList<>();
    private final AtomicLong refused = new AtomicLong();
    private volatile Runnable appendListener = () -> {};

    // guarded by writeLock
    private FileChannel active;
    private boolean inReserve;

    // guarded by this
    private long lastRefusalLog = System.nanoTime() - REFUSAL_LOG_INTERVAL_NANOS;
    private long issued;
    private long lastAppended;
    private long acked;
    private long persistedAck;
    private long used;
    private boolean high;
    private boolean closed;

    private EventJournal(Path dir, JournalSettings settings, Counters counters, FileSequenceStore ackStore, Recovery recovery) {
        this.dir = dir;
        this.settings = settings;
        this.counters = counters;
        this.ackStore = ackStore;
        this.recovery = recovery;
    }

    /**
     * Opens (creating it if needed) the journal in {@code dataDir/journal}, recovering it after a crash.
     *
     * @throws IOException if the directory cannot be used, or the legacy sequence or acknowledged-position file is corrupt
     */
    public static EventJournal open(Path dataDir, JournalSettings settings, Counters counters) throws IOException {
        long legacy = FileSequenceStore.open(dataDir).last();
        Path dir = Files.createDirectories(dataDir.resolve(DIR_NAME));
        FileSequenceStore ackStore = FileSequenceStore.open(dir, ACKED_FILE);
        List<Segment> found = new ArrayList<>();
        long prev = 0;
        long records = 0;
        int tails = 0;
        long truncated = 0;
        int corrupt = 0;
        for (Path p : segmentFiles(dir)) {
            long base = baseOf(p);
            byte[] data = Files.readAllBytes(p);
            JournalRecord.Scan scan = JournalRecord.scan(data, data.length, Math.max(prev, base - 1));
            for (int[] region : scan.skipped()) {
                corrupt++;
                counters.increment("journal.recovery.corrupt-skipped");
                LOG.error("journal segment {}: corrupt bytes [{}, {}) skipped, the valid records behind them kept (events with numbers in this gap are lost)",
                        p.getFileName(), region[0], region[1]);
            }
            if (scan.tail() != null) {
                tails++;
                truncated += data.length - scan.validEnd();
                counters.increment("journal.recovery.truncated");
                LOG.warn("journal segment {}: {} bytes at offset {} are not a complete valid record ({}); truncated (a write torn by a crash)",
                        p.getFileName(), data.length - scan.validEnd(), scan.validEnd(), describe(scan.tail()));
                try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
                    ch.truncate(scan.validEnd());
                    ch.force(true);
                }
            }
            long last = scan.lastSeq(Math.max(prev, base - 1));
            records += scan.records().size();
            found.add(new Segment(base, p, scan.validEnd(), last, List.copyOf(scan.skipped())));
            prev = Math.max(prev, last);
        }
        long ackedOnDisk = ackStore.last();
        long lastSeq = Math.max(Math.max(prev, ackedOnDisk), legacy);
        long acked = found.isEmpty() ? lastSeq : Math.max(ackedOnDisk, found.getFirst().base - 1);
        if (found.isEmpty() && legacy > ackedOnDisk) {
            LOG.info("journal is new; numbering continues after {} from the legacy sequence file", legacy);
        }
        Recovery recovery = new Recovery(found.size(), records, prev, acked, legacy, tails, truncated, corrupt);
        EventJournal journal = new EventJournal(dir, settings, counters, ackStore, recovery);
        synchronized (journal) {
            journal.segments.addAll(found);
            journal.issued = lastSeq;
            journal.lastAppended = lastSeq;
            journal.acked = acked;
            journal.persistedAck = ackedOnDisk;
            journal.used = found.stream().mapToLong(s -> s.end).sum();
        }
        if (!found.isEmpty()) {
            Segment last = found.getLast();
            journal.active = FileChannel.open(last.path, StandardOpenOption.WRITE);
        }
        journal.deleteAcknowledgedSegments();
        journal.checkFill();
        LOG.info("journal {} opened: {} segment(s), {} record(s), last seq {}, acknowledged up to {}, {} of {} bytes used{}",
                dir, found.size(), records, lastSeq, acked, journal.used(), settings.capacityBytes(),
                tails + corrupt == 0 ? "" : ", recovered " + tails + " torn tail(s) (" + truncated + " bytes) and " + corrupt + " corrupt region(s)");
        return journal;
    }

    /** Called (on the appending thread) after every accepted append. */
    public void onAppend(Runnable listener) {
        this.appendListener = listener;
    }

    public Recovery recovery() {
        return recovery;
    }

    // ---- SequenceStore -------------------------------------------------------------------------------------------

    /** The last sequence number used: of the journal's records, its acknowledged position, or the legacy file. */
    @Override
    public synchronized long last() {
        return issued;
    }

    /** Notes that {@code seq} is handed out; the record written by {@link #publish} makes it durable. */
    @Override
    public synchronized void store(long seq) {
        if (seq <= issued) {
            throw new IllegalArgumentException("sequence must go up: " + seq + " <= " + issued);
        }
        issued = seq;
    }

    // ---- PublishEvent --------------------------------------------------------------------------------------------

    /** Journals {@code event} (see {@link #append}); a refusal is logged and counted there, never thrown. */
    @Override
    public void publish(AgentEvent event) {
        append(event);
    }

    /**
     * Appends {@code event} and forces it to disk. Returns once it is durable ({@link Appended.Accepted}) or
     * refused ({@link Appended.Refused}, logged and counted {@code journal.refused} and {@code journal.refused.<reason>}).
     */
    public Appended append(AgentEvent event) {
        byte[] payload = ContractJson.write(event);
        if (payload.length > JournalRecord.MAX_PAYLOAD) {
            return refuse(event.seq(), "TOO_LARGE", payload.length + " bytes");
        }
        byte[] record = JournalRecord.encode(event.seq(), payload);
        boolean reserve;
        synchronized (writeLock) {
            long usedNow;
            synchronized (this) {
                if (closed) {
                    return refuse(event.seq(), "CLOSED", "journal closed");
                }
                if (event.seq() <= lastAppended) {
                    return refuse(event.seq(), "OUT_OF_ORDER", "last journaled is " + lastAppended);
                }
                usedNow = used;
            }
            long after = usedNow + record.length;
            if (after > settings.capacityBytes() + settings.reserveBytes()) {
                return refuse(event.seq(), "FULL", "capacity " + settings.capacityBytes() + " and reserve " + settings.reserveBytes() + " bytes used up");
            }
            reserve = after > settings.capacityBytes();
            if (!reserve) {
                inReserve = false;
            } else {
                counters.increment("journal.reserve-used");
                if (!inReserve) {
                    inReserve = true;
                    LOG.error("JOURNAL FULL: {} of {} bytes used, events now go into the {}-byte reserve; when it is used up new events are REFUSED. Restore the link to the broker.",
                            usedNow, settings.capacityBytes(), settings.reserveBytes());
                }
            }
            try {
                Segment seg = segmentFor(event.seq(), record.length);
                long at = seg.end;
                try {
                    ByteBuffer buf = ByteBuffer.wrap(record);
                    while (buf.hasRemaining()) {
                        active.write(buf, at + buf.position());
                    }
                    active.force(false);
                } catch (IOException e) {
                    try {
                        active.truncate(at);
                    } catch (IOException again) {
                        LOG.debug("could not cut the failed write back: {}", again.getMessage());
                    }
                    throw e;
                }
                synchronized (this) {
                    seg.end = at + record.length;
                    seg.lastSeq = event.seq();
                    used += record.length;
                    lastAppended = event.seq();
                    if (event.seq() > issued) {
                        issued = event.seq();
                    }
                }
            } catch (IOException e) {
                counters.increment("journal.write-failed");
                return refuse(event.seq(), "WRITE_FAILED", e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        checkFill();
        appendListener.run();
        return new Appended.Accepted(event.seq(), record.length, reserve);
    }

    /** The segment to write the record into, beginning a new one when the current one would pass its size. Holds writeLock. */
    private Segment segmentFor(long seq, int length) throws IOException {
        Segment current;
        synchronized (this) {
            current = segments.isEmpty() ? null : segments.getLast();
        }
        if (current != null && (current.end == 0 || current.end + length <= settings.segmentBytes())) {
            return current;
        }
        Path path = dir.resolve(name(seq));
        FileChannel created = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        forceDirectory();
        Segment next = new Segment(seq, path, 0, seq - 1, List.of());
        synchronized (this) {
            segments.add(next);
        }
        FileChannel old = active;
        active = created;
        if (old != null) {
            old.close();
        }
        LOG.debug("journal segment {} begun", path.getFileName());
        return next;
    }

    private Appended refuse(long seq, String reason, String detail) {
        long n = refused.incrementAndGet();
        counters.increment("journal.refused");
        counters.increment("journal.refused." + reason);
        long now = System.nanoTime();
        boolean log;
        synchronized (this) {
            log = now - lastRefusalLog >= REFUSAL_LOG_INTERVAL_NANOS || !"FULL".equals(reason);
            if (log) {
                lastRefusalLog = now;
            }
        }
        if (log) {
            LOG.error("EVENT NOT JOURNALED: event #{} refused ({}: {}); it will never be sent ({} refused since start)", seq, reason, detail, n);
        }
        return new Appended.Refused(seq, reason);
    }

    // ---- acknowledgement and deletion --------------------------------------------------------------------------

    /** The last sequence the broker confirmed (everything up to it in journal order). */
    public synchronized long acknowledged() {
        return acked;
    }

    /** Moves the acknowledged position (in memory; {@link #persistAcknowledged} writes it). Never goes back. */
    public synchronized void acknowledge(long seq) {
        if (seq > acked) {
            acked = seq;
        }
    }

    /** Writes the acknowledged position to disk if it moved, then deletes the segments it fully covers. */
    public void persistAcknowledged() {
        long toStore;
        synchronized (this) {
            if (acked <= persistedAck || closed) {
                return;
            }
            toStore = acked;
        }
        try {
            ackStore.store(toStore);
        } catch (UncheckedIOException e) {
            counters.increment("journal.ack-persist-failed");
            LOG.error("journal: cannot persist the acknowledged position {}: {} (events after the last stored position will be sent again)", toStore, e.getMessage());
            return;
        }
        synchronized (this) {
            persistedAck = Math.max(persistedAck, toStore);
        }
        deleteAcknowledgedSegments();
        checkFill();
    }

    private void deleteAcknowledgedSegments() {
        List<Segment> gone = new ArrayList<>();
        synchronized (this) {
            while (segments.size() > 1 && segments.getFirst().lastSeq <= persistedAck) {
                Segment s = segments.removeFirst();
                used -= s.end;
                gone.add(s);
            }
        }
        for (Segment s : gone) {
            try {
                Files.deleteIfExists(s.path);
                counters.increment("journal.segments-deleted");
                LOG.debug("journal segment {} acknowledged and deleted", s.path.getFileName());
            } catch (IOException e) {
                LOG.warn("journal segment {} acknowledged but could not be deleted: {}", s.path.getFileName(), e.getMessage());
            }
        }
    }

    private void checkFill() {
        long capacity = settings.capacityBytes();
        boolean raised = false;
        boolean cleared = false;
        long u;
        synchronized (this) {
            u = used;
            if (!high && u * 100 > capacity * JournalSettings.HIGH_PERCENT) {
                high = true;
                raised = true;
            } else if (high && u * 100 < capacity * JournalSettings.HIGH_CLEAR_PERCENT) {
                high = false;
                cleared = true;
            }
        }
        if (raised) {
            counters.increment("journal.high");
            LOG.warn("JOURNAL_HIGH: the event journal holds {} of {} bytes ({} %) not yet confirmed by the broker; past 100 % it uses its reserve, then refuses new events",
                    u, capacity, u * 100 / capacity);
        }
        if (cleared) {
            LOG.info("JOURNAL_HIGH cleared: {} of {} bytes used", u, capacity);
        }
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    /** A reader starting at the first segment that may hold {@code afterSeq + 1}. */
    public JournalReader reader(long afterSeq) {
        return new JournalReader(this, startOf(afterSeq + 1), afterSeq, counters);
    }

    synchronized Position startOf(long seq) {
        Position p = new Position(0, 0);
        for (Segment s : segments) {
            if (s.base <= seq) {
                p = new Position(s.base, 0);
            }
        }
        return p;
    }

    /** The segment {@code base}, or if it is gone the first one after it; {@code null} if none. */
    synchronized SegmentView view(long base) {
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (s.base >= base) {
                long next = i + 1 < segments.size() ? segments.get(i + 1).base : -1;
                return new SegmentView(s.base, s.path, s.end, s.skipped, next);
            }
        }
        return null;
    }

    public synchronized long used() {
        return used;
    }

    public synchronized Stats stats() {
        return new Stats(issued, acked, used, settings.capacityBytes(), settings.reserveBytes(), high, segments.size(), refused.get());
    }

    public JournalSettings settings() {
        return settings;
    }

    public Path directory() {
        return dir;
    }

    /** Persists the acknowledged position and closes the file. Later appends are refused. Idempotent. */
    @Override
    public void close() {
        persistAcknowledged();
        synchronized (writeLock) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            if (active != null) {
                try {
                    active.close();
                } catch (IOException e) {
                    LOG.debug("closing the journal segment: {}", e.getMessage());
                }
            }
        }
    }

    // ---- files --------------------------------------------------------------------------------------------------

    static String name(long base) {
        return PREFIX + String.format("%020d", base) + SUFFIX;
    }

    private static List<Path> segmentFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path p : stream) {
                if (baseOf(p) > 0) {
                    files.add(p);
                } else {
                    LOG.warn("journal: ignoring {} (not a segment name)", p.getFileName());
                }
            }
        }
        files.sort((a, b) -> Long.compare(baseOf(a), baseOf(b)));
        return files;
    }

    private static long baseOf(Path p) {
        String n = p.getFileName().toString();
        if (!n.startsWith(PREFIX) || !n.endsWith(SUFFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(n.substring(PREFIX.length(), n.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void forceDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            LOG.debug("cannot force directory {}: {}", dir, e.getMessage());
        }
    }

    private static String describe(JournalRecord.Decoded d) {
        return switch (d) {
            case JournalRecord.Decoded.Incomplete i -> "incomplete: " + i.available() + " of " + i.needed() + " bytes";
            case JournalRecord.Decoded.Invalid i -> i.reason();
            case JournalRecord.Decoded.Record r -> "record " + r.seq();
        };
    }
}
