/**
 * Modbus RTU, master side and device side, as pure values: the CRC-16/MODBUS ({@link dev.warden.codec.modbus.ModbusCrc}),
 * function and exception codes as enums, one record per request and response of functions 01, 02, 03, 04, 05, 06,
 * 0F and 10 ({@link dev.warden.codec.modbus.ModbusRequest}, {@link dev.warden.codec.modbus.ModbusResponse}), the
 * frame encoder ({@link dev.warden.codec.modbus.ModbusRtu}), a response decoder that knows the request it answers
 * ({@link dev.warden.codec.modbus.ModbusResponseDecoder}) and an incremental request reader for the device side
 * that resynchronises after garbage and never buffers more than a bounded number of bytes
 * ({@link dev.warden.codec.modbus.ModbusRequestReader}).
 *
 * <p>A frame is unit id, function code, data, CRC (low byte first); addresses are 0-based protocol addresses (what
 * goes on the wire), not the 1-based "references" of some tools. Decoders never throw on bad input: they return a
 * typed rejection with a reason. Record constructors do throw {@link java.lang.IllegalArgumentException} for values
 * that no valid frame can carry, so a program cannot build an unencodable request.
 */
package dev.warden.codec.modbus;
