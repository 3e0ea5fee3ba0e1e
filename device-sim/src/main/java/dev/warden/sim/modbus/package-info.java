/**
 * Simulated Modbus RTU devices: the device (slave) side of a serial line, written independently of the agent's
 * codecs (own CRC and framing), so the two implementations check each other.
 *
 * <p>{@link dev.warden.sim.modbus.SimModbusLine#serve} answers the requests on one {@link dev.warden.serial.SerialLink}
 * (a pseudo-terminal master or a TCP server connection) for the {@link dev.warden.sim.modbus.SimModbusDevice devices}
 * on that line, by unit id. {@link dev.warden.sim.modbus.SimTurnstile} (coil 0 permit; discrete inputs 0 door
 * contact, 1 tamper; input register 0 passage counter) and {@link dev.warden.sim.modbus.SimEnvironmentSensor} (input
 * registers 0 temperature ×10 signed, 1 humidity ×10; discrete inputs 0 leak, 1 smoke, 2 power failure) follow the
 * demo register map.
 * Bad addresses, quantities and functions get exception responses; each device has a
 * {@link dev.warden.sim.modbus.SimModbusDevice.Fault fault switch} (garbage, truncated replies, bad CRC, silence,
 * slow replies). Device state lives in the device objects, so it survives the line being served again after an
 * unplug.
 */
package dev.warden.sim.modbus;
