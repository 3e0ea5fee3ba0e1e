package dev.warden.agent.modbus;

import dev.warden.codec.modbus.ModbusRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One read of a poll: a contiguous range of one table and the points in it. A device's points are grouped into as
 * few reads as the protocol's quantity limits allow (125 registers, 2000 bits per read).
 */
record ReadBlock(ModbusTable table, int start, int quantity, List<ModbusPoint> points) {

    ReadBlock {
        points = List.copyOf(points);
    }

    /** The read request for unit {@code unitId}. */
    ModbusRequest request(int unitId) {
        return switch (table) {
            case COIL -> new ModbusRequest.ReadCoils(unitId, start, quantity);
            case DISCRETE_INPUT -> new ModbusRequest.ReadDiscreteInputs(unitId, start, quantity);
            case INPUT_REGISTER -> new ModbusRequest.ReadInputRegisters(unitId, start, quantity);
            case HOLDING_REGISTER -> new ModbusRequest.ReadHoldingRegisters(unitId, start, quantity);
        };
    }

    /**
     * The reads that cover the polled points of a device, table by table in enum order: every point except the
     * permit coil (an output). A device with only a permit coil gets one read of that coil, as a liveness check.
     */
    static List<ReadBlock> plan(ModbusDeviceSettings device) {
        List<ReadBlock> blocks = new ArrayList<>();
        for (ModbusTable table : ModbusTable.values()) {
            List<ModbusPoint> points = device.points().stream()
                    .filter(p -> p.table() == table && !p.isPermit())
                    .sorted(Comparator.comparingInt(ModbusPoint::register))
                    .toList();
            int max = table.isBit() ? ModbusRequest.MAX_READ_BITS : ModbusRequest.MAX_READ_REGISTERS;
            List<ModbusPoint> current = new ArrayList<>();
            for (ModbusPoint p : points) {
                if (!current.isEmpty() && p.register() - current.getFirst().register() + 1 > max) {
                    blocks.add(of(table, current));
                    current = new ArrayList<>();
                }
                current.add(p);
            }
            if (!current.isEmpty()) {
                blocks.add(of(table, current));
            }
        }
        if (blocks.isEmpty()) {
            device.permit().ifPresent(p -> blocks.add(new ReadBlock(ModbusTable.COIL, p.register(), 1, List.of())));
        }
        return blocks;
    }

    private static ReadBlock of(ModbusTable table, List<ModbusPoint> points) {
        int start = points.getFirst().register();
        int end = points.getLast().register();
        return new ReadBlock(table, start, end - start + 1, points);
    }
}
