package dev.warden.sim.modbus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code mbpoll}, an independent Modbus master (libmodbus), run once per call on a serial path. References
 * are 1-based in mbpoll ({@code -r 1} is protocol address 0).
 */
final class Mbpoll {

    private static final String INSTALL_HINT = "Debian mbpoll is not installed (apt-get install mbpoll)";
    private static final Pattern VALUE = Pattern.compile("^\\[(\\d+)\\]:\\s+(-?\\d+)(?:\\s+\\((-?\\d+)\\))?\\s*$");

    /** One run: exit code and output. */
    record Run(int exitCode, String output) {
        /** The values printed as {@code [ref]: value}, by 1-based reference (unsigned, as the register holds it). */
        TreeMap<Integer, Integer> values() {
            TreeMap<Integer, Integer> values = new TreeMap<>();
            for (String line : output.split("\n")) {
                Matcher m = VALUE.matcher(line.strip());
                if (m.matches()) {
                    values.put(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                }
            }
            return values;
        }
    }

    static Optional<Path> binary() {
        return Stream.of(Path.of("/usr/bin/mbpoll"), Path.of("/usr/local/bin/mbpoll")).filter(Files::isExecutable).findFirst();
    }

    /** In CI (environment variable {@code CI} set) a missing mbpoll fails the test; elsewhere it skips it. */
    static Path binaryOrSkip() {
        Optional<Path> binary = binary();
        if (binary.isEmpty() && System.getenv("CI") != null) {
            Assertions.fail(INSTALL_HINT + " — CI must install it (.ci/run)");
        }
        Assumptions.assumeTrue(binary.isPresent(), INSTALL_HINT);
        return binary.orElseThrow();
    }

    /** The first line of {@code mbpoll -V}. */
    static String version(Path binary) throws IOException, InterruptedException {
        return run(binary, List.of("-V")).output().strip();
    }

    /**
     * One request at 19200 8E1, 0.5 s timeout, quiet: {@code mbpoll -m rtu -a unit -t type -r ref -c count -b 19200
     * -P even -o 0.5 -1 -q port} to read, or with the values after the port (and no {@code -c}) to write. Type: 0 coil,
     * 1 discrete input, 3 input register, 4 holding register.
     */
    static Run request(Path binary, Path port, int unit, int type, int ref, int count, String... writeValues)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-m", "rtu", "-a", String.valueOf(unit), "-t", String.valueOf(type),
                "-r", String.valueOf(ref)));
        if (writeValues.length == 0) {
            args.addAll(List.of("-c", String.valueOf(count))); // mbpoll refuses -c when writing
        }
        args.addAll(List.of("-b", "19200", "-P", "even", "-o", "0.5", "-1", "-q", port.toString()));
        args.addAll(List.of(writeValues));
        return run(binary, args);
    }

    private static Run run(Path binary, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("mbpoll did not finish: " + command);
        }
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
