/**
 * The host side of the UART fingerprint module protocol (ZhianTec ZFM-20 / R30x / AS608 family), as a pure codec.
 *
 * <p>Packet: {@code EF 01}, 4-byte module address, packet id ({@link dev.warden.codec.fingerprint.PacketType}),
 * 2-byte length (payload + 2), payload, 2-byte checksum (low 16 bits of the sum of the packet id, the two length
 * bytes and the payload; the address is not covered). Big-endian throughout.
 *
 * <ul>
 *   <li>{@link dev.warden.codec.fingerprint.FingerprintPacket} and
 *       {@link dev.warden.codec.fingerprint.FingerprintPacketEncoder}: framing.</li>
 *   <li>{@link dev.warden.codec.fingerprint.FingerprintStreamDecoder}: incremental decoding of a byte stream that
 *       may hold garbage, truncated or corrupted packets; bounded buffer; resynchronises on the next header and
 *       returns typed rejections, never throws.</li>
 *   <li>{@link dev.warden.codec.fingerprint.FingerprintCommand} (typed instructions) and
 *       {@link dev.warden.codec.fingerprint.FingerprintCommandCodec}.</li>
 *   <li>{@link dev.warden.codec.fingerprint.FingerprintReply} (typed acknowledgements with a
 *       {@link dev.warden.codec.fingerprint.ConfirmationCode}) and
 *       {@link dev.warden.codec.fingerprint.FingerprintReplyCodec}: an acknowledgement does not say which
 *       instruction it answers, so it is decoded for the command that was sent.</li>
 * </ul>
 * Pure: no I/O, no threads, no logging.
 */
package dev.warden.codec.fingerprint;
