package dev.warden.agent.store;

import dev.warden.agent.event.SequenceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the last event sequence number in {@code <dataDir>/event-seq} as a line of decimal digits. Since the event
 * journal ({@code dev.warden.agent.journal}) numbers events from its own records, the agent only reads this file
 * (data directories of older agents) and the journal keeps its acknowledged position in a store of this kind. Each
 * {@link #store} writes a temporary file, forces it to disk, renames it over the old one atomically and forces the
 * directory, so after a crash or power loss the file holds either the old or the new number, never a torn one.
 * A file that exists but cannot be read as a number stops the agent at start: starting again at 1 would make the
 * controller discard new events as duplicates of old ones.
 */
public final class FileSequenceStore implements SequenceStore {

    static final String FILE_NAME = "event-seq";

    private static final Logger LOG = LoggerFactory.getLogger(FileSequenceStore.class);

    private final Path dir;
    private final Path file;
    private final Path temp;
    private long last;

    private FileSequenceStore(Path dir, String fileName, long last) {
        this.dir = dir;
        this.file = dir.resolve(fileName);
        this.temp = dir.resolve(fileName + ".tmp");
        this.last = last;
    }

    /** Opens (creating the directory if needed) the store in {@code dataDir}. */
    public static FileSequenceStore open(Path dataDir) throws IOException {
        return open(dataDir, FILE_NAME);
    }

    /**
     * Opens a store of one increasing number kept in {@code dataDir/fileName} the same way (the event journal keeps
     * its acknowledged position like this).
     */
    public static FileSequenceStore open(Path dataDir, String fileName) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(fileName);
        long last = 0;
        if (Files.exists(file)) {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            try {
                last = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IOException("sequence file " + file + " is corrupt (not a number); refusing to restart numbering", e);
            }
            if (last < 0) {
                throw new IOException("sequence file " + file + " holds a negative number");
            }
        }
        Files.deleteIfExists(dataDir.resolve(fileName + ".tmp"));
        return new FileSequenceStore(dataDir, fileName, last);
    }

    @Override
    public synchronized long last() {
        return last;
    }

    @Override
    public synchronized void store(long seq) {
        if (seq < last) {
            throw new IllegalArgumentException("sequence must not go back: " + seq + " < " + last);
        }
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(ByteBuffer.wrap((seq + "\n").getBytes(StandardCharsets.US_ASCII)));
                ch.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            forceDirectory();
            last = seq;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist event sequence " + seq + " in " + file, e);
        }
    }

    private void forceDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; the rename is still atomic there.
            LOG.debug("cannot force directory {}: {}", dir, e.getMessage());
        }
    }
}
