/**
 * OSDP control panel driver: one {@link dev.warden.agent.osdp.OsdpBus} per multi-drop line polls its readers over a
 * {@link dev.warden.serial.SerialLink} (re-opened with backoff after a
 * {@link dev.warden.serial.LinkDownException}), establishes Secure Channel when the bus requires it (keys from
 * {@link dev.warden.agent.osdp.ReaderKeys}; SCBK-D only for readers in install mode, which are then keyed with
 * osdp_KEYSET), reports cards, keys, tamper and inputs through {@link dev.warden.agent.device.DeviceEvents}, and
 * sends LED, buzzer and output commands queued through {@link dev.warden.agent.device.ReaderOutputs} and
 * {@link dev.warden.agent.device.RelayOutputs}. Framing and cryptography come from {@code dev.warden.codec.osdp}.
 * Key material is never logged.
 */
package dev.warden.agent.osdp;
