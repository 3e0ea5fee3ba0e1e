package dev.warden.agent.osdp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The readers of one bus known to hold their own key: they completed a Secure Channel session with their SCBK, or
 * accepted osdp_KEYSET. The published install key SCBK-D is never used with them again, whatever {@code installMode}
 * says, so install mode works once per reader.
 *
 * <p>Kept in memory, and with a state file also there, so it survives restarts of the agent: one reader id a line
 * ({@code #} starts a comment), never a key, rewritten atomically (a temporary file, flushed, then moved over the old
 * one). A state file that exists but cannot be read is fail-secure: every reader counts as keyed (SCBK-D refused for
 * all) and the file is left alone until someone repairs or removes it. To put a reader through install mode again
 * (a replaced reader), remove its line while the agent is stopped. Thread-safe.
 */
final class KeyedReaders {

    private static final Logger LOG = LoggerFactory.getLogger(KeyedReaders.class);
    /** A state file larger than this is not a list of reader ids: it is treated as unreadable. */
    private static final long MAX_FILE_BYTES = 1 << 20;

    private final Path file;
    private final BusCounters counters;
    private final Set<String> keyed = new TreeSet<>();
    private final boolean unreadable;

    private KeyedReaders(Path file, BusCounters counters, Set<String> initial, boolean unreadable) {
        this.file = file;
        this.counters = counters;
        this.keyed.addAll(initial);
        this.unreadable = unreadable;
    }

    /** Kept in memory only: forgotten when the agent stops. */
    static KeyedReaders inMemory(BusCounters counters) {
        return new KeyedReaders(null, counters, Set.of(), false);
    }

    /** Backed by {@link #fileFor}{@code (stateDir, busId)}, loaded now. */
    static KeyedReaders persistent(Path stateDir, String busId, BusCounters counters) {
        Path file = fileFor(stateDir, busId);
        if (!Files.exists(file)) {
            return new KeyedReaders(file, counters, Set.of(), false);
        }
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE_BYTES) {
                throw new IOException("not a small regular file");
            }
            Set<String> ids = new TreeSet<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String id = line.strip();
                if (!id.isEmpty() && !id.startsWith("#")) {
                    ids.add(id);
                }
            }
            LOG.info("OSDP bus {}: {} reader(s) known to be keyed ({})", busId, ids.size(), file);
            return new KeyedReaders(file, counters, ids, false);
        } catch (IOException | RuntimeException e) {
            counters.increment("keyed_state_unreadable");
            LOG.error("OSDP bus {}: cannot read {} ({}); SCBK-D (install mode) is refused for every reader until it is "
                    + "repaired or removed", busId, file, e.toString());
            return new KeyedReaders(file, counters, Set.of(), true);
        }
    }

    /** The state file of a bus: {@code osdp-<busId>-keyed.txt} in {@code stateDir} (odd characters become '_'). */
    static Path fileFor(Path stateDir, String busId) {
        Objects.requireNonNull(stateDir, "stateDir");
        return stateDir.resolve("osdp-" + busId.replaceAll("[^A-Za-z0-9._-]", "_") + "-keyed.txt");
    }

    /** {@code true} when SCBK-D must never be used with this reader. */
    synchronized boolean contains(String readerId) {
        return unreadable || keyed.contains(readerId);
    }

    /** Remembers a keyed reader (and writes the file); {@code true} when it was not known before. */
    synchronized boolean add(String readerId) {
        if (!keyed.add(readerId)) {
            return false;
        }
        if (file != null && !unreadable) {
            try {
                write();
            } catch (IOException | RuntimeException e) {
                counters.increment("keyed_state_write_failed");
                LOG.error("cannot write {} ({}); reader {} counts as keyed only until the agent stops", file, e.toString(),
                        readerId);
            }
        }
        return true;
    }

    private void write() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        StringBuilder text = new StringBuilder("# OSDP readers keyed with their own Secure Channel key: SCBK-D is refused "
                + "for them.\n# Remove a line (agent stopped) only to put a replaced reader through install mode again.\n");
        for (String id : keyed) {
            text.append(id).append('\n');
        }
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
