package dev.warden.agent.journal;

import dev.warden.agent.health.Counters;
import dev.warden.contract.AgentEvent;
import dev.warden.contract.ContractJson;
import dev.warden.contract.Parsed;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a journal's records in order, from a {@link EventJournal.Position}, up to what has been forced to disk. One
 * reader per thread. Records at or below {@code afterSeq} are passed over. A record that fails its CRC now although
 * it passed at recovery (the disk changed under us) is logged and counted ({@code journal.read-corrupt}) and the
 * reader moves to the next valid record behind it.
 */
public final class JournalReader implements AutoCloseable {

    /** A journaled event and where its record starts. */
    public record Entry(long seq, AgentEvent event, EventJournal.Position at) {}

    private static final Logger LOG = LoggerFactory.getLogger(JournalReader.class);

    private final EventJournal journal;
    private final Counters counters;
    private EventJournal.Position position;
    private long lastSeq;
    private Path openPath;
    private FileChannel channel;

    JournalReader(EventJournal journal, EventJournal.Position start, long afterSeq, Counters counters) {
        this.journal = journal;
        this.position = start;
        this.lastSeq = afterSeq;
        this.counters = counters;
    }

    /** Where the next record would be read. */
    public EventJournal.Position position() {
        return position;
    }

    /** Reads from {@code at} again; records at or below {@code afterSeq} are passed over. */
    public void seek(EventJournal.Position at, long afterSeq) {
        this.position = at;
        this.lastSeq = afterSeq;
    }

    /** The next journaled event, or {@code null} if there is none yet (or the journal cannot be read just now). */
    public Entry next() {
        while (true) {
            EventJournal.SegmentView v = journal.view(position.segmentBase());
            if (v == null) {
                return null;
            }
            long offset = v.base() == position.segmentBase() ? position.offset() : 0;
            for (int[] skip : v.skipped()) {
                if (offset >= skip[0] && offset < skip[1]) {
                    offset = skip[1];
                }
            }
            if (offset >= v.end()) {
                if (v.nextBase() < 0) {
                    position = new EventJournal.Position(v.base(), offset);
                    return null;
                }
                position = new EventJournal.Position(v.nextBase(), 0);
                continue;
            }
            try {
                FileChannel ch = channel(v.path());
                byte[] header = read(ch, offset, JournalRecord.HEADER);
                long length = JournalRecord.getInt(header, 0) & 0xFFFF_FFFFL;
                int size = (int) Math.min(JournalRecord.HEADER + length, v.end() - offset);
                byte[] bytes = size <= JournalRecord.HEADER ? header : read(ch, offset, size);
                JournalRecord.Decoded d = JournalRecord.decode(bytes, 0, bytes.length);
                if (d instanceof JournalRecord.Decoded.Record r && r.seq() > lastSeq) {
                    EventJournal.Position at = new EventJournal.Position(v.base(), offset);
                    position = new EventJournal.Position(v.base(), offset + r.size());
                    lastSeq = r.seq();
                    Parsed<AgentEvent> parsed = ContractJson.parse(r.payload(), AgentEvent.class);
                    if (parsed instanceof Parsed.Ok<AgentEvent> ok) {
                        return new Entry(r.seq(), ok.value(), at);
                    }
                    counters.increment("journal.unreadable");
                    LOG.error("journal record #{} is intact but not an event ({}); passed over", r.seq(), ((Parsed.Rejected<AgentEvent>) parsed).detail());
                    continue;
                }
                if (d instanceof JournalRecord.Decoded.Record r) {
                    // at or below where the reader begins (a re-read after seek): pass over
                    position = new EventJournal.Position(v.base(), offset + r.size());
                    continue;
                }
                counters.increment("journal.read-corrupt");
                byte[] rest = read(ch, offset, (int) (v.end() - offset));
                int next = JournalRecord.resync(rest, 1, rest.length, lastSeq);
                LOG.error("journal segment {} changed on disk: the record at {} is no longer valid; {}", v.path().getFileName(), offset,
                        next < 0 ? "nothing valid follows in this segment" : "reading on at " + (offset + next));
                position = new EventJournal.Position(v.base(), next < 0 ? v.end() : offset + next);
            } catch (NoSuchFileException e) {
                // deleted after its events were acknowledged: go on with the next segment
                position = new EventJournal.Position(v.base() + 1, 0);
                closeChannel();
            } catch (IOException e) {
                counters.increment("journal.read-failed");
                LOG.warn("journal segment {} cannot be read just now: {}", v.path().getFileName(), e.getMessage());
                closeChannel();
                return null;
            }
        }
    }

    private FileChannel channel(Path path) throws IOException {
        if (!path.equals(openPath)) {
            closeChannel();
            channel = FileChannel.open(path, StandardOpenOption.READ);
            openPath = path;
        }
        return channel;
    }

    private static byte[] read(FileChannel ch, long offset, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            int n = ch.read(buf, offset + buf.position());
            if (n < 0) {
                throw new IOException("segment ends at " + (offset + buf.position()) + ", expected " + (offset + length));
            }
        }
        return buf.array();
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing a journal segment: {}", e.getMessage());
            }
        }
        channel = null;
        openPath = null;
    }

    @Override
    public void close() {
        closeChannel();
    }
}
