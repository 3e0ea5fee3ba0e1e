/**
 * Wiegand card formats: the format table as data ({@link dev.warden.codec.wiegand.WiegandFormat},
 * {@link dev.warden.codec.wiegand.WiegandFormats#standard()}: H10301, H10306, H10304, CORP1000), a decoder from
 * bit strings to a sealed {@link dev.warden.codec.wiegand.WiegandResult} (a card, or a typed
 * {@link dev.warden.codec.wiegand.WiegandResult.Invalid.Reason}), an encoder that computes parity, and
 * byte/hex conversions.
 *
 * <p>Bit 1 is the first bit sent; fields are big-endian. A frame's length selects its format, so a set of formats
 * rejects two formats of the same length. Pure: no I/O, no logging; the decoder never throws.
 */
package dev.warden.codec.wiegand;
