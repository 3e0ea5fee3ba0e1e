/**
 * The agent's serial devices: the buses of the configuration started with their drivers ({@code osdp},
 * {@code fingerprint}, {@code modbus}) over local serial ports or TCP serial device servers, what the drivers report
 * turned into door logic and events ({@link dev.warden.agent.serial.SerialDeviceEvents}), and the door's outputs
 * routed to the driver that owns each device.
 */
package dev.warden.agent.serial;
