package dev.warden.serial;

import java.util.Objects;

/**
 * How to open one local serial line.
 *
 * @param port     the device path, e.g. {@code /dev/ttyUSB0}, or a symlink to it such as {@code data/demo/dev/osdp-1}
 *                 (resolved on every open, so a link re-pointed by a replug is followed)
 * @param baud     bits per second, e.g. 9600
 * @param dataBits 5 to 8 (8 for OSDP, Modbus RTU and the fingerprint modules)
 * @param parity   parity bit
 * @param stopBits 1 or 2
 * @param rs485    half-duplex RS-485: the driver's RS-485 mode is enabled where the OS supports it
 */
public record SerialSettings(String port, int baud, int dataBits, Parity parity, int stopBits, boolean rs485) {

    /** Lowest and highest baud rates accepted (Linux custom rates go beyond 4 Mbit/s, no device here does). */
    public static final int MIN_BAUD = 50;
    public static final int MAX_BAUD = 4_000_000;

    /** The parity bit of each character. */
    public enum Parity {
        NONE('N'),
        EVEN('E'),
        ODD('O');

        private final char letter;

        Parity(char letter) {
            this.letter = letter;
        }

        /** The letter used in the usual {@code 8N1} notation. */
        public char letter() {
            return letter;
        }
    }

    public SerialSettings {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(parity, "parity");
        if (port.isBlank()) {
            throw new IllegalArgumentException("serial port path is blank");
        }
        if (baud < MIN_BAUD || baud > MAX_BAUD) {
            throw new IllegalArgumentException("baud " + baud + " out of range " + MIN_BAUD + ".." + MAX_BAUD);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5..8, not " + dataBits);
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("stop bits must be 1 or 2, not " + stopBits);
        }
    }

    /** 8 data bits (the default). */
    public SerialSettings(String port, int baud, Parity parity, int stopBits, boolean rs485) {
        this(port, baud, 8, parity, stopBits, rs485);
    }

    /** 8N1, no RS-485 mode. */
    public static SerialSettings of(String port, int baud) {
        return new SerialSettings(port, baud, 8, Parity.NONE, 1, false);
    }

    /** E.g. {@code serial:/dev/ttyUSB0@9600-8N1} or {@code serial:/dev/ttyS1@19200-8E1-rs485}. */
    public String describe() {
        return "serial:" + port + "@" + baud + "-" + dataBits + parity.letter() + stopBits + (rs485 ? "-rs485" : "");
    }
}
