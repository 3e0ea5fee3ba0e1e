package dev.warden.codec.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.codec.modbus.ModbusRequest.ReadHoldingRegisters;
import dev.warden.codec.modbus.ModbusRequest.ReadInputRegisters;
import dev.warden.codec.modbus.ModbusRequest.WriteMultipleRegisters;
import dev.warden.codec.modbus.ModbusRequest.WriteSingleCoil;
import dev.warden.codec.modbus.RequestEvent.Received;
import dev.warden.codec.modbus.RequestEvent.Refused;
import dev.warden.codec.modbus.RequestEvent.Skipped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verifies the device-side reader: byte-wise arrival, resynchronisation, refusals, silence and its bound. */
class ModbusRequestReaderTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
    private static final byte[] READ_HOLDING = HEX.parseHex("01 03 00 00 00 05 85 c9");

    @Test
    void requestArrivingOneByteAtATimeIsReceivedOnItsLastByte() {
        ModbusRequestReader reader = new ModbusRequestReader();
        for (int i = 0; i < READ_HOLDING.length - 1; i++) {
            assertThat(reader.feed(READ_HOLDING, i, 1)).isEmpty();
        }
        assertThat(reader.feed(READ_HOLDING, READ_HOLDING.length - 1, 1))
                .containsExactly(new Received(new ReadHoldingRegisters(1, 0, 5)));
        assertThat(reader.buffered()).isZero();
    }

    @Test
    void twoRequestsInOneChunkAreBothReceived() {
        byte[] two = concat(READ_HOLDING, HEX.parseHex("01 04 00 00 00 02 71 cb"));
        assertThat(new ModbusRequestReader().feed(two)).containsExactly(
                new Received(new ReadHoldingRegisters(1, 0, 5)), new Received(new ReadInputRegisters(1, 0, 2)));
    }

    @Test
    void noiseBeforeARequestIsSkippedAndTheRequestFound() {
        // noise that looks like the start of known frames (fn 01, 03, 10) and of an unknown one (fn 77)
        for (String noise : List.of("ff", "00 01", "01 10 ff ff", "77 88 99", "02 03 00")) {
            byte[] stream = concat(HEX.parseHex(noise), READ_HOLDING);
            List<RequestEvent> events = new ModbusRequestReader().feed(stream);
            assertThat(events).as(noise).last().isEqualTo(new Received(new ReadHoldingRegisters(1, 0, 5)));
            assertThat(skippedBytes(events)).as(noise).isEqualTo(stream.length - READ_HOLDING.length);
        }
    }

    @Test
    void corruptedRequestIsNeverReceived() {
        byte[] bad = READ_HOLDING.clone();
        bad[4] ^= 0x10;
        ModbusRequestReader reader = new ModbusRequestReader();
        List<RequestEvent> events = new ArrayList<>(reader.feed(bad));
        events.addAll(reader.silence());
        assertThat(events).allMatch(e -> e instanceof Skipped);
        assertThat(skippedBytes(events)).isEqualTo(bad.length);
        assertThat(reader.buffered()).isZero();
    }

    @Test
    void truncatedRequestIsDroppedAtTheSilenceAndTheNextOneIsReceived() {
        ModbusRequestReader reader = new ModbusRequestReader();
        assertThat(reader.feed(Arrays.copyOf(READ_HOLDING, 5))).isEmpty();
        List<RequestEvent> atSilence = reader.silence();
        assertThat(skippedBytes(atSilence)).isEqualTo(5);
        assertThat(reader.feed(READ_HOLDING)).containsExactly(new Received(new ReadHoldingRegisters(1, 0, 5)));
    }

    @Test
    void unknownFunctionIsRefusedAtTheSilence() {
        // unit 01, fn 2b (encapsulated interface transport), MEI 0e, read device id 01, object 00
        byte[] frame = ModbusCrc.append(HEX.parseHex("01 2b 0e 01 00"));
        ModbusRequestReader reader = new ModbusRequestReader();
        assertThat(reader.feed(frame)).isEmpty();
        List<RequestEvent> events = reader.silence();
        assertThat(events).singleElement().isInstanceOfSatisfying(Refused.class, r -> {
            assertThat(r.unitId()).isEqualTo(1);
            assertThat(r.functionCode()).isEqualTo(0x2B);
            assertThat(r.code()).isEqualTo(ExceptionCode.ILLEGAL_FUNCTION);
        });
    }

    @Test
    void outOfRangeQuantitiesAreRefusedWithIllegalDataValue() {
        // fn 03 quantity 126 (max 125)
        List<RequestEvent> events = new ModbusRequestReader().feed(ModbusCrc.append(HEX.parseHex("01 03 00 00 00 7e")));
        assertThat(events).singleElement().isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.code()).isEqualTo(ExceptionCode.ILLEGAL_DATA_VALUE));
        // fn 05 coil value 0x1234
        events = new ModbusRequestReader().feed(ModbusCrc.append(HEX.parseHex("01 05 00 00 12 34")));
        assertThat(events).singleElement().isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.code()).isEqualTo(ExceptionCode.ILLEGAL_DATA_VALUE));
        // fn 10 byte count disagrees with the quantity
        events = new ModbusRequestReader().feed(ModbusCrc.append(HEX.parseHex("01 10 00 00 00 02 02 00 01")));
        assertThat(events).singleElement().isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.code()).isEqualTo(ExceptionCode.ILLEGAL_DATA_VALUE));
        // fn 04 range passing 65535
        events = new ModbusRequestReader().feed(ModbusCrc.append(HEX.parseHex("01 04 ff ff 00 02")));
        assertThat(events).singleElement().isInstanceOfSatisfying(Refused.class,
                r -> assertThat(r.code()).isEqualTo(ExceptionCode.ILLEGAL_DATA_ADDRESS));
    }

    @Test
    void broadcastWriteIsReceivedAndBroadcastReadIsNot() {
        assertThat(new ModbusRequestReader().feed(ModbusRtu.encode(new WriteSingleCoil(0, 3, true))))
                .containsExactly(new Received(new WriteSingleCoil(0, 3, true)));
        assertThat(new ModbusRequestReader().feed(ModbusCrc.append(HEX.parseHex("00 03 00 00 00 01"))))
                .singleElement().isInstanceOf(Skipped.class);
    }

    @Test
    void writeMultipleRegistersSplitAcrossChunks() {
        byte[] frame = ModbusRtu.encode(new WriteMultipleRegisters(9, 10, List.of(1, 2, 3)));
        ModbusRequestReader reader = new ModbusRequestReader();
        assertThat(reader.feed(frame, 0, 6)).isEmpty();
        assertThat(reader.feed(frame, 6, 5)).isEmpty();
        assertThat(reader.feed(frame, 11, frame.length - 11))
                .containsExactly(new Received(new WriteMultipleRegisters(9, 10, List.of(1, 2, 3))));
    }

    @Test
    void neverHoldsMoreThanItsCapacity() {
        ModbusRequestReader reader = new ModbusRequestReader(ModbusRtu.MAX_FRAME + 8);
        // fn 10 with byte count ff announces a 264-byte frame; then endless noise without a valid frame
        byte[] noise = new byte[10_000];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (i % 7 == 0 ? 0x10 : 0xFF);
        }
        int skipped = 0;
        for (int i = 0; i < noise.length; i += 100) {
            skipped += skippedBytes(reader.feed(noise, i, 100));
            assertThat(reader.buffered()).isLessThanOrEqualTo(reader.capacity());
        }
        assertThat(skipped + reader.buffered()).isEqualTo(noise.length);
        // a request after the noise is found at the latest when the line falls silent
        List<RequestEvent> events = new ArrayList<>(reader.feed(READ_HOLDING));
        events.addAll(reader.silence());
        assertThat(events).contains(new Received(new ReadHoldingRegisters(1, 0, 5)));
        assertThat(reader.buffered()).isZero();
    }

    @Test
    void badArgumentsYieldNothing() {
        ModbusRequestReader reader = new ModbusRequestReader();
        assertThat(reader.feed(null)).isEmpty();
        assertThat(reader.feed(READ_HOLDING, 5, 10)).isEmpty();
        assertThat(reader.feed(READ_HOLDING, -1, 2)).isEmpty();
        assertThat(reader.buffered()).isZero();
    }

    static int skippedBytes(List<RequestEvent> events) {
        return events.stream().filter(e -> e instanceof Skipped).mapToInt(e -> ((Skipped) e).bytes()).sum();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
