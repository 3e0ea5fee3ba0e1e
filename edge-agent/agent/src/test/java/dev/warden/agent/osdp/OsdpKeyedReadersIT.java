package dev.warden.agent.osdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keyed-reader state file on a real file system: written atomically when a reader is keyed, read back after a
 * restart, reader ids only; a file that cannot be read makes every reader count as keyed (fail-secure) and is left
 * alone; a directory that cannot be written keeps the state in memory and counts the failure.
 */
class OsdpKeyedReadersIT {

    @TempDir
    Path dir;

    private final BusCounters counters = new BusCounters();

    private static List<String> ids(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void aKeyedReaderIsWrittenAndReadBackAfterARestart() throws Exception {
        Path state = dir.resolve("data");
        KeyedReaders keyed = KeyedReaders.persistent(state, "osdp-1", counters);
        assertThat(keyed.contains("rdr-a")).isFalse();
        assertThat(Files.exists(KeyedReaders.fileFor(state, "osdp-1"))).isFalse();

        assertThat(keyed.add("rdr-b")).isTrue();
        assertThat(keyed.add("rdr-a")).isTrue();
        assertThat(keyed.add("rdr-a")).isFalse();
        Path file = state.resolve("osdp-osdp-1-keyed.txt");
        assertThat(file).isEqualTo(KeyedReaders.fileFor(state, "osdp-1"));
        assertThat(ids(file)).containsExactly("rdr-a", "rdr-b");
        try (var listing = Files.list(state)) {
            assertThat(listing.map(p -> p.getFileName().toString()).toList()).containsExactly("osdp-osdp-1-keyed.txt");
        }

        KeyedReaders again = KeyedReaders.persistent(state, "osdp-1", new BusCounters());
        assertThat(again.contains("rdr-a")).isTrue();
        assertThat(again.contains("rdr-b")).isTrue();
        assertThat(again.contains("rdr-c")).isFalse();
        // another bus has its own file
        assertThat(KeyedReaders.persistent(state, "osdp-2", counters).contains("rdr-a")).isFalse();
    }

    @Test
    void commentsAndBlankLinesAreIgnoredAndOddBusIdsMakeSafeFileNames() throws Exception {
        Path file = KeyedReaders.fileFor(dir, "bus/../x y");
        assertThat(file.getParent()).isEqualTo(dir);
        assertThat(file.getFileName().toString()).isEqualTo("osdp-bus_.._x_y-keyed.txt");
        Files.writeString(file, "# a comment\n\n  rdr-1  \n#rdr-2\n");
        KeyedReaders keyed = KeyedReaders.persistent(dir, "bus/../x y", counters);
        assertThat(keyed.contains("rdr-1")).isTrue();
        assertThat(keyed.contains("rdr-2")).isFalse();
        assertThat(keyed.contains("# a comment")).isFalse();
    }

    @Test
    void anUnreadableFileRefusesScbkDForEveryReaderAndIsLeftAlone() throws Exception {
        Path file = KeyedReaders.fileFor(dir, "osdp-1");
        byte[] garbage = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0x0A};
        Files.write(file, garbage);
        KeyedReaders keyed = KeyedReaders.persistent(dir, "osdp-1", counters);
        assertThat(keyed.contains("rdr-never-seen")).isTrue();
        keyed.add("rdr-new");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
        assertThat(counters.get("keyed_state_unreadable")).isEqualTo(1);

        Path asDirectory = KeyedReaders.fileFor(dir, "osdp-2");
        Files.createDirectories(asDirectory);
        assertThat(KeyedReaders.persistent(dir, "osdp-2", counters).contains("rdr-x")).isTrue();
    }

    @Test
    void whenTheFileCannotBeWrittenTheReaderStaysKeyedInMemory() throws Exception {
        Path notADirectory = dir.resolve("plain-file");
        Files.writeString(notADirectory, "x");
        KeyedReaders keyed = KeyedReaders.persistent(notADirectory, "osdp-1", counters);
        assertThat(keyed.add("rdr-a")).isTrue();
        assertThat(keyed.contains("rdr-a")).isTrue();
        assertThat(counters.get("keyed_state_write_failed")).isEqualTo(1);
    }

    @Test
    void inMemoryStateNeedsNoFile() {
        KeyedReaders keyed = KeyedReaders.inMemory(counters);
        assertThat(keyed.add("rdr-a")).isTrue();
        assertThat(keyed.contains("rdr-a")).isTrue();
        assertThat(keyed.contains("rdr-b")).isFalse();
    }
}
