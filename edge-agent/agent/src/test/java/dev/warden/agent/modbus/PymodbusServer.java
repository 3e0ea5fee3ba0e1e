package dev.warden.agent.modbus;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * An independent Modbus RTU server: Debian's {@code python3-pymodbus} running {@code modbus/pymodbus_rtu_server.py}
 * (a test resource) on a serial path. Units 1 and 2, four tables of 16 entries each, changed and read through the
 * script's stdin commands. {@link #close()} ends the process.
 */
final class PymodbusServer implements AutoCloseable {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String INSTALL_HINT =
            "Debian python3-pymodbus is not installed (apt-get install python3-pymodbus python3-serial)";

    private final Process process;
    private final BufferedWriter stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private PymodbusServer(Process process) {
        this.process = process;
        this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // the process ended
            }
        }, "pymodbus-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Whether /usr/bin/python3 can import pymodbus. */
    static boolean available() {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import pymodbus, serial_asyncio")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** In CI (environment variable {@code CI} set) a missing pymodbus fails the test; elsewhere it skips it. */
    static void assumeAvailable() {
        boolean available = available();
        if (!available && System.getenv("CI") != null) {
            Assertions.fail(INSTALL_HINT + " — CI must install it (.ci/run)");
        }
        Assumptions.assumeTrue(available, INSTALL_HINT);
    }

    /** The pymodbus version, e.g. {@code 3.0.0.rc1} for Debian's 3.0.0. */
    static String version() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import pymodbus; print(pymodbus.__version__)")
                .redirectErrorStream(true).start();
        p.waitFor(30, TimeUnit.SECONDS);
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    /** Starts the server on {@code serialPath} and waits until it has the port open. */
    static PymodbusServer start(Path serialPath) throws IOException, InterruptedException {
        Path script;
        try {
            script = Path.of(PymodbusServer.class.getResource("/modbus/pymodbus_rtu_server.py").toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Process process = new ProcessBuilder(PYTHON.toString(), "-u", script.toString(), serialPath.toString())
                .redirectErrorStream(true).start();
        PymodbusServer server = new PymodbusServer(process);
        String first = server.lines.poll(30, TimeUnit.SECONDS);
        if (!"ready".equals(first)) {
            server.close();
            throw new IOException("pymodbus server did not start: " + first);
        }
        return server;
    }

    /** Sets one entry: {@code table} is co, di, ir or hr. */
    void set(int unit, String table, int address, int value) throws IOException, InterruptedException {
        String answer = command("set " + unit + " " + table + " " + address + " " + value);
        if (!"ok".equals(answer)) {
            throw new IOException("pymodbus: " + answer);
        }
    }

    /** Reads one entry. */
    int get(int unit, String table, int address) throws IOException, InterruptedException {
        String answer = command("get " + unit + " " + table + " " + address);
        String[] parts = answer == null ? new String[0] : answer.split(" ");
        if (parts.length != 5 || !"value".equals(parts[0])) {
            throw new IOException("pymodbus: " + answer);
        }
        return Integer.parseInt(parts[4]);
    }

    private synchronized String command(String command) throws IOException, InterruptedException {
        stdin.write(command);
        stdin.newLine();
        stdin.flush();
        return lines.poll(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        try {
            stdin.close();
        } catch (IOException ignored) {
            // the process is gone already
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
