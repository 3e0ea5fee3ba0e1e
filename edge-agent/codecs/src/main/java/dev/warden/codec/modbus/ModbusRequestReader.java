package dev.warden.codec.modbus;

import dev.warden.codec.modbus.ModbusRequest.ReadCoils;
import dev.warden.codec.modbus.ModbusRequest.ReadDiscreteInputs;
import dev.warden.codec.modbus.ModbusRequest.ReadHoldingRegisters;
import dev.warden.codec.modbus.ModbusRequest.ReadInputRegisters;
import dev.warden.codec.modbus.ModbusRequest.WriteMultipleCoils;
import dev.warden.codec.modbus.ModbusRequest.WriteMultipleRegisters;
import dev.warden.codec.modbus.ModbusRequest.WriteSingleCoil;
import dev.warden.codec.modbus.ModbusRequest.WriteSingleRegister;
import dev.warden.codec.modbus.RequestEvent.Received;
import dev.warden.codec.modbus.RequestEvent.Refused;
import dev.warden.codec.modbus.RequestEvent.Skipped;
import java.util.ArrayList;
import java.util.List;

/**
 * The device side: finds requests in a byte stream that may hold noise, corrupted or truncated frames. Feed it
 * bytes as they arrive ({@link #feed}) and tell it when the line has been silent for 3.5 character times
 * ({@link #silence}). Requests of known functions are recognised by their length and CRC without waiting for the
 * silence; after a bad CRC the reader drops one byte and tries again (resynchronisation). A CRC-valid frame of an
 * unknown function is only recognised at a silence (its length is unknown before). Never holds more than
 * {@link #capacity()} bytes: older bytes are dropped first. Not thread-safe; never throws on any input.
 */
public final class ModbusRequestReader {

    /** Default capacity: one maximal frame plus slack. */
    public static final int DEFAULT_CAPACITY = 2 * ModbusRtu.MAX_FRAME;

    private final byte[] buffer;
    private int length;
    /** The first byte held starts a frame: it follows a silence or a complete frame, not dropped noise. */
    private boolean atFrameStart = true;

    public ModbusRequestReader() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity the most bytes held at once, at least {@link ModbusRtu#MAX_FRAME} + 8 */
    public ModbusRequestReader(int capacity) {
        if (capacity < ModbusRtu.MAX_FRAME + 8) {
            throw new IllegalArgumentException("capacity must be at least " + (ModbusRtu.MAX_FRAME + 8));
        }
        this.buffer = new byte[capacity];
    }

    /** The most bytes this reader holds at once. */
    public int capacity() {
        return buffer.length;
    }

    /** Bytes held, waiting for the rest of a frame. */
    public int buffered() {
        return length;
    }

    /** Takes {@code count} bytes from {@code data} at {@code offset}; returns what they completed, in order. */
    public List<RequestEvent> feed(byte[] data, int offset, int count) {
        List<RequestEvent> events = new ArrayList<>();
        if (data == null || offset < 0 || count <= 0 || offset > data.length - count) {
            return events;
        }
        int pos = offset;
        int end = offset + count;
        while (pos < end) {
            int room = buffer.length - length;
            if (room == 0) {
                // the oldest bytes held no frame: make room for what arrives, no more
                int drop = Math.min(end - pos, length);
                drop(drop);
                skipped(events, drop, "buffer full: no frame in " + buffer.length + " bytes");
                room = drop;
            }
            int take = Math.min(room, end - pos);
            System.arraycopy(data, pos, buffer, length, take);
            length += take;
            pos += take;
            parse(events, false);
        }
        return events;
    }

    /** All of {@code data}. */
    public List<RequestEvent> feed(byte[] data) {
        return feed(data, 0, data == null ? 0 : data.length);
    }

    /**
     * The line was silent for 3.5 character times: whatever is held is a whole frame. Reports a CRC-valid frame of
     * an unknown function as {@link Refused}, anything else left over as {@link Skipped}; the reader is then empty.
     */
    public List<RequestEvent> silence() {
        List<RequestEvent> events = new ArrayList<>();
        parse(events, true);
        return events;
    }

    private void parse(List<RequestEvent> events, boolean frameEnded) {
        while (length > 0) {
            int needed = frameLength(0);
            if (needed > 0 && needed <= length) {
                if (ModbusCrc.matches(buffer, 0, needed)) {
                    events.add(request(needed));
                    consume(needed);
                    atFrameStart = true;
                } else {
                    drop(1);
                    skipped(events, 1, "bad CRC or noise");
                }
                continue;
            }
            if (needed < 0 && length >= 2) {
                // unknown function: its length is unknown; a later known frame, or the silence, decides
                int next = nextValidFrame();
                if (next > 0) {
                    drop(next);
                    skipped(events, next, "noise before a frame");
                    continue;
                }
            }
            if (!frameEnded) {
                return;
            }
            // an unknown function is only taken as a frame when it starts right after a silence or a frame: trying
            // every offset of leftover noise would let the CRC pass by chance
            if (needed < 0 && atFrameStart && length >= 4 && ModbusCrc.matches(buffer, 0, length)) {
                int unit = buffer[0] & 0xFF;
                int function = buffer[1] & 0xFF;
                consume(length);
                events.add(new Refused(unit, function, ExceptionCode.ILLEGAL_FUNCTION,
                        String.format("function 0x%02x is not supported", function)));
                continue;
            }
            // a truncated frame or noise: drop one byte and look for a frame further on before giving up
            drop(1);
            skipped(events, 1, needed < 0 ? "noise" : "truncated frame");
        }
        if (frameEnded) {
            atFrameStart = true;
        }
    }

    /** The frame length announced by the bytes at {@code at}: &gt; 0 known, 0 need more bytes, -1 unknown function. */
    private int frameLength(int at) {
        if (length - at < 2) {
            return 0;
        }
        int function = buffer[at + 1] & 0xFF;
        return switch (function) {
            case 0x01, 0x02, 0x03, 0x04, 0x05, 0x06 -> 8;
            case 0x0F, 0x10 -> length - at < 7 ? 0 : 9 + (buffer[at + 6] & 0xFF);
            default -> -1;
        };
    }

    /** The first offset after 0 where a complete CRC-valid frame of a known function starts, or -1. */
    private int nextValidFrame() {
        for (int at = 1; at < length - 1; at++) {
            int n = frameLength(at);
            if (n > 0 && at + n <= length && ModbusCrc.matches(buffer, at, n)) {
                return at;
            }
        }
        return -1;
    }

    private RequestEvent request(int frameLength) {
        byte[] b = buffer;
        int unit = b[0] & 0xFF;
        int function = b[1] & 0xFF;
        if (unit > 247) {
            return new Skipped(frameLength, "reserved unit id " + unit);
        }
        int address = ModbusResponseDecoder.word(b, 2);
        int value = ModbusResponseDecoder.word(b, 4);
        boolean unicast = unit != 0;
        switch (function) {
            case 0x01, 0x02 -> {
                if (value < 1 || value > ModbusRequest.MAX_READ_BITS) {
                    return refused(unit, function, ExceptionCode.ILLEGAL_DATA_VALUE, "quantity " + value);
                }
                if (address + value > 0x10000) {
                    return refused(unit, function, ExceptionCode.ILLEGAL_DATA_ADDRESS, "range passes 65535");
                }
                if (!unicast) {
                    return new Skipped(frameLength, "broadcast read");
                }
                return new Received(function == 0x01 ? new ReadCoils(unit, address, value)
                        : new ReadDiscreteInputs(unit, address, value));
            }
            case 0x03, 0x04 -> {
                if (value < 1 || value > ModbusRequest.MAX_READ_REGISTERS) {
                    return refused(unit, function, ExceptionCode.ILLEGAL_DATA_VALUE, "quantity " + value);
                }
                if (address + value > 0x10000) {
                    return refused(unit, function, ExceptionCode.ILLEGAL_DATA_ADDRESS, "range passes 65535");
                }
                if (!unicast) {
                    return new Skipped(frameLength, "broadcast read");
                }
                return new Received(function == 0x03 ? new ReadHoldingRegisters(unit, address, value)
                        : new ReadInputRegisters(unit, address, value));
            }
            case 0x05 -> {
                if (value != ModbusRtu.COIL_ON && value != 0) {
                    return refused(unit, function, ExceptionCode.ILLEGAL_DATA_VALUE,
                            String.format("coil value 0x%04x", value));
                }
                return new Received(new WriteSingleCoil(unit, address, value == ModbusRtu.COIL_ON));
            }
            case 0x06 -> {
                return new Received(new WriteSingleRegister(unit, address, value));
            }
            case 0x0F -> {
                int byteCount = b[6] & 0xFF;
                if (value < 1 || value > ModbusRequest.MAX_WRITE_BITS || byteCount != (value + 7) / 8) {
                    return refused(unit, function, ExceptionCode.ILLEGAL_DATA_VALUE,
                            "quantity " + value + ", byte count " + byteCount);
                }
                if (address + value > 0x10000) {
                    return refused(unit, function, ExceptionCode.ILLEGAL_DATA_ADDRESS, "range passes 65535");
                }
                List<Boolean> bits = new ArrayList<>(value);
                for (int i = 0; i < value; i++) {
                    bits.add((b[7 + i / 8] & (1 << (i % 8))) != 0);
                }
                return new Received(new WriteMultipleCoils(unit, address, bits));
            }
            case 0x10 -> {
                int byteCount = b[6] & 0xFF;
                if (value < 1 || value > ModbusRequest.MAX_WRITE_REGISTERS || byteCount != 2 * value) {
                    return refused(unit, function, ExceptionCode.ILLEGAL_DATA_VALUE,
                            "quantity " + value + ", byte count " + byteCount);
                }
                if (address + value > 0x10000) {
                    return refused(unit, function, ExceptionCode.ILLEGAL_DATA_ADDRESS, "range passes 65535");
                }
                List<Integer> values = new ArrayList<>(value);
                for (int i = 0; i < value; i++) {
                    values.add(ModbusResponseDecoder.word(b, 7 + 2 * i));
                }
                return new Received(new WriteMultipleRegisters(unit, address, values));
            }
            default -> {
                return new Skipped(frameLength, "unknown function");
            }
        }
    }

    private static RequestEvent refused(int unit, int function, ExceptionCode code, String detail) {
        return new Refused(unit, function, code, detail);
    }

    /** Drops {@code count} bytes that are no frame. */
    private void drop(int count) {
        consume(count);
        atFrameStart = false;
    }

    private void consume(int count) {
        int n = Math.min(count, length);
        System.arraycopy(buffer, n, buffer, 0, length - n);
        length -= n;
    }

    /** Adds a skip, merging it into a skip just before with the same reason. */
    private static void skipped(List<RequestEvent> events, int bytes, String reason) {
        if (!events.isEmpty() && events.getLast() instanceof Skipped last && last.reason().equals(reason)) {
            events.set(events.size() - 1, new Skipped(last.bytes() + bytes, reason));
        } else {
            events.add(new Skipped(bytes, reason));
        }
    }
}
