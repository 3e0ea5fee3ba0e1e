/**
 * OSDP v2.2 (SIA; IEC 60839-11-5), pure codec for both ends of the bus.
 *
 * <ul>
 *   <li>Framing: {@link dev.warden.codec.osdp.OsdpFrame} (address with reply bit, sequence, CRC-16 or checksum,
 *       optional {@link dev.warden.codec.osdp.SecurityBlock}, code, data, MAC), written by
 *       {@link dev.warden.codec.osdp.OsdpFrameEncoder} and read from a byte stream that may hold garbage, truncated or
 *       corrupted frames by the incremental, bounded {@link dev.warden.codec.osdp.OsdpFrameReader}, which yields a
 *       sealed {@link dev.warden.codec.osdp.OsdpReadResult} (a frame, or a rejection with its reason).</li>
 *   <li>Messages: typed {@link dev.warden.codec.osdp.OsdpCommand} and {@link dev.warden.codec.osdp.OsdpReply}
 *       records; {@link dev.warden.codec.osdp.OsdpMessageDecoder} turns a code and its data into one of them or a
 *       typed {@link dev.warden.codec.osdp.OsdpDecoded.Invalid}.</li>
 *   <li>Secure Channel (AES-128, javax.crypto only): {@link dev.warden.codec.osdp.OsdpSecureChannel} (SCBK-D,
 *       session keys, cryptograms, R-MAC-I, MAC, data encryption), the handshake of each role
 *       ({@link dev.warden.codec.osdp.OsdpCpHandshake}, {@link dev.warden.codec.osdp.OsdpPdHandshake}) and the
 *       established {@link dev.warden.codec.osdp.OsdpSecureSession} that seals and opens frames with MAC chaining.</li>
 * </ul>
 *
 * <p>No I/O, no threads, no logging; decoders never throw on bad input. Nothing here prints key material:
 * {@code toString} of keys and of frames shows lengths, never bytes.
 */
package dev.warden.codec.osdp;
