/**
 * OSDP control panel driver: one {@link dev.warden.agent.osdp.OsdpBus} per multi-drop line polls its readers over a
 * {@link dev.warden.serial.SerialLink} (re-opened with backoff after a
 * {@link dev.warden.serial.LinkDownException}), establishes Secure Channel when the bus requires it (keys from
 * {@link dev.warden.agent.osdp.ReaderKeys}, fetched off the bus thread; SCBK-D only for a reader in install mode that
 * answers with it and is not yet keyed, which is then keyed with osdp_KEYSET; the keyed readers are remembered in a
 * small state file), reports cards, keys, tamper, inputs and security notices through
 * {@link dev.warden.agent.device.DeviceEvents}, and sends LED, buzzer and output commands queued through
 * {@link dev.warden.agent.device.ReaderOutputs} and {@link dev.warden.agent.device.RelayOutputs}. Framing and
 * cryptography come from {@code dev.warden.codec.osdp}. Key material is never logged.
 */
package dev.warden.agent.osdp;
