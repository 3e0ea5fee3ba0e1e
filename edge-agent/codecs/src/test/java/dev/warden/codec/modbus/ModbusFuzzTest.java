package dev.warden.codec.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.codec.modbus.ModbusRequest.ReadCoils;
import dev.warden.codec.modbus.ModbusRequest.ReadDiscreteInputs;
import dev.warden.codec.modbus.ModbusRequest.ReadHoldingRegisters;
import dev.warden.codec.modbus.ModbusRequest.ReadInputRegisters;
import dev.warden.codec.modbus.ModbusRequest.WriteMultipleCoils;
import dev.warden.codec.modbus.ModbusRequest.WriteMultipleRegisters;
import dev.warden.codec.modbus.ModbusRequest.WriteSingleCoil;
import dev.warden.codec.modbus.ModbusRequest.WriteSingleRegister;
import dev.warden.codec.modbus.ModbusResponse.ExceptionResponse;
import dev.warden.codec.modbus.ModbusResponse.ReadCoilsResponse;
import dev.warden.codec.modbus.ModbusResponse.ReadDiscreteInputsResponse;
import dev.warden.codec.modbus.ModbusResponse.ReadHoldingRegistersResponse;
import dev.warden.codec.modbus.ModbusResponse.ReadInputRegistersResponse;
import dev.warden.codec.modbus.ModbusResponse.WriteMultipleCoilsResponse;
import dev.warden.codec.modbus.ModbusResponse.WriteMultipleRegistersResponse;
import dev.warden.codec.modbus.ModbusResponse.WriteSingleCoilResponse;
import dev.warden.codec.modbus.ModbusResponse.WriteSingleRegisterResponse;
import dev.warden.codec.modbus.RequestEvent.Received;
import dev.warden.codec.modbus.RequestEvent.Refused;
import dev.warden.codec.modbus.RequestEvent.Skipped;
import dev.warden.codec.modbus.ResponseResult.Accepted;
import dev.warden.codec.modbus.ResponseResult.Incomplete;
import dev.warden.codec.modbus.ResponseResult.Rejected;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzz and mutation tests. Verifies that random and mutated bytes never make a decoder throw; that what is
 * accepted re-encodes to exactly the bytes received (no lucky mis-decode); that a frame with 1..3 flipped bits or a
 * burst of up to 16 bits corrupted (all caught by CRC-16) is never accepted; and that the reader stays bounded.
 */
class ModbusFuzzTest {

    private static final int CASES = 30_000;

    @Test
    void randomRepliesNeverThrowAndAcceptedOnesReencodeIdentically() {
        Random random = new Random(0xB0D_B05L);
        Set<Class<?>> outcomes = new java.util.HashSet<>();
        for (int i = 0; i < CASES; i++) {
            ModbusRequest request = randomRequest(random);
            byte[] bytes;
            if (random.nextInt(4) == 0) {
                // a well-formed answer, sometimes from another unit or with an exception
                bytes = ModbusRtu.encode(answer(request, random));
            } else {
                bytes = new byte[random.nextInt(ModbusRtu.MAX_FRAME + 10)];
                random.nextBytes(bytes);
                if (bytes.length > 1 && random.nextBoolean()) {
                    bytes[0] = (byte) request.unitId();
                    bytes[1] = (byte) (request.function().code() | (random.nextInt(8) == 0 ? 0x80 : 0));
                }
            }
            ResponseResult result = ModbusResponseDecoder.decode(request, bytes, random.nextInt(bytes.length + 1));
            outcomes.add(result.getClass());
            if (result instanceof Accepted accepted) {
                byte[] reencoded = ModbusRtu.encode(accepted.response());
                assertThat(ModbusCrc.matches(reencoded, 0, reencoded.length)).isTrue();
                assertThat(accepted.response().unitId()).isEqualTo(request.unitId());
            }
            // the full frame, decoded whole
            ResponseResult whole = ModbusResponseDecoder.decode(request, bytes);
            if (whole instanceof Accepted accepted && !(accepted.response() instanceof ReadCoilsResponse)
                    && !(accepted.response() instanceof ReadDiscreteInputsResponse)) {
                // bit reads may carry padding bits that are dropped; everything else must re-encode byte for byte
                assertThat(ModbusRtu.encode(accepted.response())).isEqualTo(bytes);
            }
        }
        assertThat(outcomes).contains(Accepted.class, Incomplete.class, Rejected.class);
    }

    @Test
    void mutatedRepliesAreNeverAccepted() {
        Random random = new Random(20_260_203L);
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            ModbusRequest request = randomRequest(random);
            ModbusResponse answer = answer(request, random);
            if (answer.unitId() != request.unitId()) {
                continue;
            }
            byte[] frame = ModbusRtu.encode(answer);
            assertThat(ModbusResponseDecoder.decode(request, frame)).as("intact").isInstanceOf(Accepted.class);
            byte[] mutated = mutate(frame, random);
            ResponseResult result = ModbusResponseDecoder.decode(request, mutated);
            assertThat(result).as("mutated %s", Arrays.toString(mutated)).isNotInstanceOf(Accepted.class);
            if (result instanceof Rejected) {
                rejected++;
            }
        }
        assertThat(rejected).isPositive();
    }

    @Test
    void mutatedRequestsAreNeverReceived() {
        Random random = new Random(77L);
        int spurious = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] frame = ModbusRtu.encode(randomRequest(random));
            byte[] mutated = mutate(frame, random);
            ModbusRequestReader reader = new ModbusRequestReader();
            List<RequestEvent> events = new ArrayList<>(reader.feed(mutated));
            events.addAll(reader.silence());
            assertThat(reader.buffered()).isZero();
            // the corrupted frame itself (from its first byte) is never taken
            assertThat(events).as("mutated %s", Arrays.toString(mutated)).first().isInstanceOf(Skipped.class);
            for (RequestEvent e : events) {
                if (e instanceof Received r) {
                    // while resynchronising, a window inside the noise may pass CRC-16 by chance (about 2^-16 per
                    // window): it is then a complete valid frame inside the bytes, never a repaired one
                    spurious++;
                    assertThat(indexOf(mutated, ModbusRtu.encode(r.request()))).isPositive();
                }
                assertThat(e).isNotInstanceOf(Refused.class);
            }
        }
        assertThat(spurious).as("chance CRC matches in %d corrupted frames", CASES).isLessThanOrEqualTo(CASES / 1000);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void randomStreamsWithEmbeddedRequestsNeverThrowStayBoundedAndYieldOnlyValidFrames() {
        Random random = new Random(4242L);
        Set<Class<?>> seen = new java.util.HashSet<>();
        int embedded = 0;
        int received = 0;
        for (int round = 0; round < 2_000; round++) {
            ModbusRequestReader reader = new ModbusRequestReader();
            for (int chunk = 0; chunk < 20; chunk++) {
                byte[] data;
                if (random.nextInt(3) == 0) {
                    data = ModbusRtu.encode(randomRequest(random));
                    embedded++;
                } else {
                    data = new byte[random.nextInt(40)];
                    random.nextBytes(data);
                }
                List<RequestEvent> events = new ArrayList<>(reader.feed(data));
                if (random.nextInt(4) == 0) {
                    events.addAll(reader.silence());
                }
                assertThat(reader.buffered()).isLessThanOrEqualTo(reader.capacity());
                for (RequestEvent e : events) {
                    seen.add(e.getClass());
                    if (e instanceof Received r) {
                        received++;
                        byte[] again = ModbusRtu.encode(r.request());
                        assertThat(ModbusCrc.matches(again, 0, again.length)).isTrue();
                    }
                    if (e instanceof Skipped s) {
                        assertThat(s.bytes()).isPositive();
                    }
                }
            }
        }
        assertThat(seen).contains(Received.class, Skipped.class);
        // noise may hide or swallow a few requests, but most come through
        assertThat(received).isGreaterThan(embedded / 2);
    }

    @Test
    void everyRejectionReasonIsReachable() {
        Random random = new Random(99L);
        Set<ResponseResult.Reason> reasons = EnumSet.noneOf(ResponseResult.Reason.class);
        for (int i = 0; i < CASES; i++) {
            ModbusRequest request = randomRequest(random);
            byte[] frame = ModbusRtu.encode(answer(request, random));
            int mode = random.nextInt(4);
            if (mode == 0) {
                frame = mutate(frame, random);
            } else if (mode == 1) {
                frame = Arrays.copyOf(frame, frame.length + 1);
            } else if (mode == 2 && frame.length > 4) {
                // a CRC-valid body with one changed byte (echo, value, byte count)
                byte[] body = Arrays.copyOf(frame, frame.length - 2);
                body[2 + random.nextInt(body.length - 2)] ^= (byte) (1 + random.nextInt(255));
                frame = ModbusCrc.append(body);
            }
            if (ModbusResponseDecoder.decode(request, frame) instanceof Rejected r) {
                reasons.add(r.reason());
            }
        }
        assertThat(reasons).containsExactlyInAnyOrder(ResponseResult.Reason.values());
    }

    /** Flips 1..3 bits, or corrupts a burst of up to 16 consecutive bits: every such error is caught by CRC-16. */
    private static byte[] mutate(byte[] frame, Random random) {
        byte[] m = frame.clone();
        int bits = m.length * 8;
        if (random.nextBoolean()) {
            int flips = 1 + random.nextInt(3);
            Set<Integer> positions = new java.util.HashSet<>();
            while (positions.size() < flips) {
                positions.add(random.nextInt(bits));
            }
            positions.forEach(p -> m[p / 8] ^= (byte) (1 << (p % 8)));
        } else {
            int length = 1 + random.nextInt(16);
            int start = random.nextInt(bits - length + 1);
            // first and last bit of the burst flip, the ones between at random
            for (int b = start; b < start + length; b++) {
                boolean flip = b == start || b == start + length - 1 || random.nextBoolean();
                if (flip) {
                    m[b / 8] ^= (byte) (1 << (b % 8));
                }
            }
        }
        return m;
    }

    static ModbusRequest randomRequest(Random random) {
        int unit = 1 + random.nextInt(247);
        int fn = random.nextInt(8);
        return switch (fn) {
            case 0 -> new ReadCoils(unit, random.nextInt(1000), 1 + random.nextInt(ModbusRequest.MAX_READ_BITS));
            case 1 -> new ReadDiscreteInputs(unit, random.nextInt(1000), 1 + random.nextInt(64));
            case 2 -> new ReadHoldingRegisters(unit, random.nextInt(1000), 1 + random.nextInt(ModbusRequest.MAX_READ_REGISTERS));
            case 3 -> new ReadInputRegisters(unit, random.nextInt(1000), 1 + random.nextInt(8));
            case 4 -> new WriteSingleCoil(unit, random.nextInt(0x10000), random.nextBoolean());
            case 5 -> new WriteSingleRegister(unit, random.nextInt(0x10000), random.nextInt(0x10000));
            case 6 -> {
                List<Boolean> values = new ArrayList<>();
                for (int i = 1 + random.nextInt(40); i > 0; i--) {
                    values.add(random.nextBoolean());
                }
                yield new WriteMultipleCoils(unit, random.nextInt(1000), values);
            }
            default -> {
                List<Integer> values = new ArrayList<>();
                for (int i = 1 + random.nextInt(ModbusRequest.MAX_WRITE_REGISTERS); i > 0; i--) {
                    values.add(random.nextInt(0x10000));
                }
                yield new WriteMultipleRegisters(unit, random.nextInt(1000), values);
            }
        };
    }

    /** A well-formed answer to {@code request}: normally from its unit, sometimes another unit or an exception. */
    static ModbusResponse answer(ModbusRequest request, Random random) {
        int unit = random.nextInt(10) == 0 ? 1 + (request.unitId() % 247) : request.unitId();
        if (random.nextInt(6) == 0) {
            return new ExceptionResponse(unit, request.function().code(), 1 + random.nextInt(11));
        }
        return switch (request) {
            case ReadCoils r -> new ReadCoilsResponse(unit, randomBits(random, r.quantity()));
            case ReadDiscreteInputs r -> new ReadDiscreteInputsResponse(unit, randomBits(random, r.quantity()));
            case ReadHoldingRegisters r -> new ReadHoldingRegistersResponse(unit, randomRegisters(random, r.quantity()));
            case ReadInputRegisters r -> new ReadInputRegistersResponse(unit, randomRegisters(random, r.quantity()));
            case WriteSingleCoil r -> new WriteSingleCoilResponse(unit, r.address(), r.on());
            case WriteSingleRegister r -> new WriteSingleRegisterResponse(unit, r.address(), r.value());
            case WriteMultipleCoils r -> new WriteMultipleCoilsResponse(unit, r.address(), r.values().size());
            case WriteMultipleRegisters r -> new WriteMultipleRegistersResponse(unit, r.address(), r.values().size());
        };
    }

    private static List<Boolean> randomBits(Random random, int n) {
        List<Boolean> bits = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            bits.add(random.nextBoolean());
        }
        return bits;
    }

    private static List<Integer> randomRegisters(Random random, int n) {
        List<Integer> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(random.nextInt(0x10000));
        }
        return values;
    }
}
