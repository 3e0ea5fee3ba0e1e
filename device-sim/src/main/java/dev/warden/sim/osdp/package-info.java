/**
 * Simulated OSDP v2.2 peripherals (card readers with keypad, LED, buzzer, tamper, inputs and relay outputs, and Secure
 * Channel) answering a control panel over a {@link dev.warden.serial.SerialLink}.
 * {@link dev.warden.sim.osdp.SimOsdpReader} is one device and its state; {@link dev.warden.sim.osdp.SimOsdpLine} serves
 * a multi-drop bus of them on one link.
 *
 * <p>Framing, CRC/checksum and Secure Channel are implemented here from the SIA specification and libosdp, and on
 * purpose share no code with the edge agent's codecs ({@code dev.warden.codec.osdp}): the two implementations test
 * each other.
 */
package dev.warden.sim.osdp;
