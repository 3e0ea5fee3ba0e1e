/**
 * The Modbus RTU master for gate machines (turnstiles, mantraps) and environmental sensors.
 *
 * <p>A device is data: its unit id, poll interval and a list of {@link dev.warden.agent.modbus.ModbusPoint points}
 * (coil, discrete input, input or holding register; scale, unit, signed, counter);
 * {@link dev.warden.agent.modbus.ModbusDeviceSettings#turnstile} and
 * {@link dev.warden.agent.modbus.ModbusDeviceSettings#environment} give the demo register maps.
 * {@link dev.warden.agent.modbus.ModbusBus} runs one serial line on one daemon thread: it polls every device on its
 * schedule (one read per table and register range), reports through {@link dev.warden.agent.device.DeviceEvents}
 * (inputs named contact, tamper, leak, smoke, power on change; one {@code passage} input per increment of a
 * {@code passages} counter; scaled readings on change and at least once a minute; online/offline) and drives a
 * gate's {@code permit} coil as a {@link dev.warden.agent.device.RelayOutputs relay}: the coil is switched off until
 * the device confirms it (echo, then a read of the coil), retried with backoff for as long as it takes, and a coil
 * not confirmed off is reported as {@code security(gate, "PERMIT_STUCK_ON")}. Frames come from the pure
 * codec {@code dev.warden.codec.modbus}; the line from a {@link dev.warden.serial.LinkOpener}, re-opened with
 * backoff when it goes down.
 */
package dev.warden.agent.modbus;
