/**
 * Byte transports to serial devices. Protocol drivers (OSDP, fingerprint, Modbus) and the simulator's devices are
 * written against {@link dev.warden.serial.SerialLink} only, keep a {@link dev.warden.serial.LinkOpener} to re-open a
 * line after a {@link dev.warden.serial.LinkDownException}, and wait between attempts with a
 * {@link dev.warden.serial.Backoff}.
 *
 * <p>Four carriers:
 * <ul>
 *   <li>{@link dev.warden.serial.SerialPorts} — a local serial port ({@code /dev/ttyUSB0}, or a symlink to one) through
 *       jSerialComm, configured by {@link dev.warden.serial.SerialSettings};</li>
 *   <li>{@link dev.warden.serial.TcpLinks} — raw TCP to a serial device server (ser2net, Moxa "TCP server" mode), and
 *       {@link dev.warden.serial.TcpSerialServer}, the device server's side for the simulator;</li>
 *   <li>{@link dev.warden.serial.PtyPair} — a raw pseudo-terminal pair (Linux/macOS) that lets the simulator stand
 *       behind a device path the agent opens like real hardware;</li>
 *   <li>{@link dev.warden.serial.MemoryCable} — an in-process cable: two links joined back to back, for tests and for
 *       simulated devices running in the agent's JVM (hang-up, unplug and replug like a pty, bounded buffers).</li>
 * </ul>
 *
 * <p>This package owns transport concerns only: opening, timeouts, hang-up detection, bounded buffering. It knows
 * nothing about frames or devices. Library types (jSerialComm, Netty, JNA) never appear in its public signatures.
 */
package dev.warden.serial;
