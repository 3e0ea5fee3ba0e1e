/**
 * Ports between the agent's door logic and its serial device drivers ({@code osdp}, {@code fingerprint},
 * {@code modbus}): what drivers report ({@link dev.warden.agent.device.DeviceEvents}) and what the agent asks of
 * them ({@link dev.warden.agent.device.ReaderOutputs}, {@link dev.warden.agent.device.RelayOutputs}).
 */
package dev.warden.agent.device;
