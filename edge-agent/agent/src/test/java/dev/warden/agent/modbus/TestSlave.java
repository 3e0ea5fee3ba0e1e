package dev.warden.agent.modbus;

import dev.warden.codec.modbus.ExceptionCode;
import dev.warden.codec.modbus.ModbusRequest;
import dev.warden.codec.modbus.ModbusResponse;
import dev.warden.codec.modbus.ModbusRequestReader;
import dev.warden.codec.modbus.ModbusRtu;
import dev.warden.codec.modbus.RequestEvent;
import dev.warden.serial.SerialLink;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Modbus RTU slave for the agent's tests, built on the codec's device-side reader: units with four tables of
 * 16 entries each, a per-unit behaviour (answer, stay silent, send a corrupt CRC), faults of the permit coil (coil 0:
 * refuse, ignore or leave unanswered the writes that switch it off, refuse coil reads), and a log of the requests it
 * got.
 * Serves every line end it is given, one thread per end, until that end goes down.
 */
final class TestSlave {

    enum Behaviour { ANSWER, SILENT, BAD_CRC }

    static final int SIZE = 16;

    final Map<Integer, Unit> units = new ConcurrentHashMap<>();
    final List<ModbusRequest> requests = new CopyOnWriteArrayList<>();

    /** One unit's tables. */
    static final class Unit {
        final boolean[] coils = new boolean[SIZE];
        final boolean[] discreteInputs = new boolean[SIZE];
        final int[] inputRegisters = new int[SIZE];
        final int[] holdingRegisters = new int[SIZE];
        volatile Behaviour behaviour = Behaviour.ANSWER;
        /** The permit coil values the unit applied (answered writes of coil 0). */
        final List<Boolean> permitWrites = new CopyOnWriteArrayList<>();
        /** When each request to switch coil 0 off arrived (System.nanoTime), answered or not. */
        final List<Long> offAttempts = new CopyOnWriteArrayList<>();
        /** OFF writes of coil 0 still to refuse with {@link #offRefusal}; negative: refuse every one. */
        final AtomicInteger offRefusals = new AtomicInteger();
        volatile ExceptionCode offRefusal = ExceptionCode.SERVER_DEVICE_BUSY;
        /** OFF writes of coil 0 still to leave unanswered (one per request, a retry is a request too). */
        final AtomicInteger offSilences = new AtomicInteger();
        /** Echoes OFF writes of coil 0 but keeps the coil on (a device that acknowledges and does not apply). */
        volatile boolean offIgnored;
        /** Refuses reads of the coil table (FC01) with ILLEGAL_FUNCTION, like a device without coil reads. */
        volatile boolean coilReadsRefused;

        /** True while this unit should refuse the next OFF write of coil 0 (consumes one refusal). */
        boolean refuseOff() {
            return offRefusals.getAndUpdate(n -> n > 0 ? n - 1 : n) != 0;
        }
    }

    /** Every read of the coil table the slave received for {@code unit}. */
    long coilReads(int unit) {
        return requests.stream().filter(r -> r instanceof ModbusRequest.ReadCoils c && c.unitId() == unit).count();
    }

    Unit unit(int id) {
        return units.computeIfAbsent(id, k -> new Unit());
    }

    /** Serves {@code end} on a daemon thread until it goes down. */
    void serve(SerialLink end) {
        Thread t = new Thread(() -> loop(end), "test-slave-" + end.describe());
        t.setDaemon(true);
        t.start();
    }

    private void loop(SerialLink end) {
        ModbusRequestReader reader = new ModbusRequestReader();
        byte[] buffer = new byte[300];
        try {
            while (true) {
                int n = end.read(buffer, Duration.ofMillis(5));
                List<RequestEvent> events = n > 0 ? reader.feed(buffer, 0, n) : reader.silence();
                for (RequestEvent e : events) {
                    answer(end, e);
                }
            }
        } catch (IOException down) {
            // the line went down: this end is finished
        }
    }

    private void answer(SerialLink end, RequestEvent event) throws IOException {
        switch (event) {
            case RequestEvent.Received(ModbusRequest request) -> {
                requests.add(request);
                Unit unit = units.get(request.unitId());
                if (unit == null || unit.behaviour == Behaviour.SILENT) {
                    return;
                }
                if (request instanceof ModbusRequest.WriteSingleCoil w && w.address() == 0 && !w.on()) {
                    unit.offAttempts.add(System.nanoTime());
                    if (unit.offSilences.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                        return;
                    }
                }
                byte[] frame = ModbusRtu.encode(respond(unit, request));
                if (unit.behaviour == Behaviour.BAD_CRC) {
                    frame[frame.length - 1] ^= 0x5A;
                }
                end.write(frame);
            }
            case RequestEvent.Refused r -> {
                if (units.containsKey(r.unitId())) {
                    end.write(ModbusRtu.encode(new ModbusResponse.ExceptionResponse(r.unitId(), r.functionCode(), r.code())));
                }
            }
            case RequestEvent.Skipped s -> { }
        }
    }

    private static ModbusResponse respond(Unit u, ModbusRequest request) {
        int unit = request.unitId();
        synchronized (u) {
            return switch (request) {
                case ModbusRequest.ReadCoils r when u.coilReadsRefused ->
                        new ModbusResponse.ExceptionResponse(unit, request.function().code(), ExceptionCode.ILLEGAL_FUNCTION);
                case ModbusRequest.ReadCoils r -> inRange(r.address(), r.quantity())
                        ? new ModbusResponse.ReadCoilsResponse(unit, bits(u.coils, r.address(), r.quantity()))
                        : illegalAddress(request);
                case ModbusRequest.ReadDiscreteInputs r -> inRange(r.address(), r.quantity())
                        ? new ModbusResponse.ReadDiscreteInputsResponse(unit, bits(u.discreteInputs, r.address(), r.quantity()))
                        : illegalAddress(request);
                case ModbusRequest.ReadInputRegisters r -> inRange(r.address(), r.quantity())
                        ? new ModbusResponse.ReadInputRegistersResponse(unit, words(u.inputRegisters, r.address(), r.quantity()))
                        : illegalAddress(request);
                case ModbusRequest.ReadHoldingRegisters r -> inRange(r.address(), r.quantity())
                        ? new ModbusResponse.ReadHoldingRegistersResponse(unit, words(u.holdingRegisters, r.address(), r.quantity()))
                        : illegalAddress(request);
                case ModbusRequest.WriteSingleCoil w -> {
                    if (!inRange(w.address(), 1)) {
                        yield illegalAddress(request);
                    }
                    if (w.address() == 0 && !w.on() && u.refuseOff()) {
                        yield new ModbusResponse.ExceptionResponse(unit, request.function().code(), u.offRefusal);
                    }
                    if (w.address() == 0 && !w.on() && u.offIgnored) {
                        yield new ModbusResponse.WriteSingleCoilResponse(unit, w.address(), w.on());
                    }
                    u.coils[w.address()] = w.on();
                    if (w.address() == 0) {
                        u.permitWrites.add(w.on());
                    }
                    yield new ModbusResponse.WriteSingleCoilResponse(unit, w.address(), w.on());
                }
                default -> new ModbusResponse.ExceptionResponse(unit, request.function().code(), ExceptionCode.ILLEGAL_FUNCTION);
            };
        }
    }

    private static boolean inRange(int address, int quantity) {
        return address + quantity <= SIZE;
    }

    private static ModbusResponse illegalAddress(ModbusRequest request) {
        return new ModbusResponse.ExceptionResponse(request.unitId(), request.function().code(), ExceptionCode.ILLEGAL_DATA_ADDRESS);
    }

    private static List<Boolean> bits(boolean[] table, int from, int n) {
        List<Boolean> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(table[from + i]);
        }
        return out;
    }

    private static List<Integer> words(int[] table, int from, int n) {
        return Arrays.stream(table, from, from + n).boxed().toList();
    }
}
