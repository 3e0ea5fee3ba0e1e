package dev.warden.codec.wiegand;

import dev.warden.codec.wiegand.WiegandFormat.Field;
import dev.warden.codec.wiegand.WiegandFormat.Parity;
import dev.warden.codec.wiegand.WiegandFormat.ParityCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A set of Wiegand formats, looked up by frame length (what a reader delivers) or by name.
 *
 * <p>A Wiegand frame carries no format tag, so the bit length must identify the format: building a set with two
 * formats of the same bit length (or the same name) is <b>rejected</b> with an {@link IllegalArgumentException}.
 * A site that uses, say, a different 26-bit layout builds its set without {@link #H10301}.
 *
 * <p>{@link #standard()} holds the four formats of {@code PROTOCOLS.md}: H10301 (26), H10306 (34), H10304 (37)
 * and CORP1000 (35).
 */
public final class WiegandFormats {

    /** HID H10301, 26 bits: P, facility 8 (2–9), card 16 (10–25), P; bit 1 even over 2–13, bit 26 odd over 14–25. */
    public static final WiegandFormat H10301 = new WiegandFormat("H10301", 26, new Field(2, 8), new Field(10, 16),
            List.of(ParityCheck.range(1, Parity.EVEN, 2, 13), ParityCheck.range(26, Parity.ODD, 14, 25)));

    /** HID H10306, 34 bits: P, facility 16 (2–17), card 16 (18–33), P; bit 1 even 2–17, bit 34 odd 18–33. */
    public static final WiegandFormat H10306 = new WiegandFormat("H10306", 34, new Field(2, 16), new Field(18, 16),
            List.of(ParityCheck.range(1, Parity.EVEN, 2, 17), ParityCheck.range(34, Parity.ODD, 18, 33)));

    /** HID H10304, 37 bits: P, facility 16 (2–17), card 19 (18–36), P; bit 1 even 2–19, bit 37 odd 19–36. */
    public static final WiegandFormat H10304 = new WiegandFormat("H10304", 37, new Field(2, 16), new Field(18, 19),
            List.of(ParityCheck.range(1, Parity.EVEN, 2, 19), ParityCheck.range(37, Parity.ODD, 19, 36)));

    /**
     * HID Corporate 1000, 35 bits: P, P, company 12 (3–14), card 20 (15–34), P. Bit 2 even over 3–4, 6–7, …, 33–34;
     * bit 35 odd over 2–3, 5–6, …, 32–33 (includes bit 2); bit 1 odd over 2–35 (includes bits 2 and 35).
     */
    public static final WiegandFormat CORP1000 = new WiegandFormat("CORP1000", 35, new Field(3, 12),
            new Field(15, 20), List.of(
                    new ParityCheck(2, Parity.EVEN, pairs(3, 34)),
                    new ParityCheck(35, Parity.ODD, pairs(2, 33)),
                    ParityCheck.range(1, Parity.ODD, 2, 35)));

    private static final WiegandFormats STANDARD = new WiegandFormats(List.of(H10301, H10306, H10304, CORP1000));

    private final List<WiegandFormat> formats;
    private final WiegandFormat[] byLength = new WiegandFormat[WiegandFormat.MAX_BITS + 1];

    /**
     * A set of the given formats.
     *
     * @throws IllegalArgumentException when two formats share a bit length or a name
     */
    public WiegandFormats(List<WiegandFormat> formats) {
        Objects.requireNonNull(formats, "formats");
        this.formats = List.copyOf(formats);
        List<String> names = new ArrayList<>();
        for (WiegandFormat format : this.formats) {
            WiegandFormat clash = byLength[format.bitLength()];
            if (clash != null) {
                throw new IllegalArgumentException("formats " + clash.name() + " and " + format.name()
                        + " both have " + format.bitLength() + " bits; a frame length must identify one format");
            }
            if (names.contains(format.name())) {
                throw new IllegalArgumentException("duplicate format name " + format.name());
            }
            names.add(format.name());
            byLength[format.bitLength()] = format;
        }
    }

    /** Same as the constructor. */
    public static WiegandFormats of(List<WiegandFormat> formats) {
        return new WiegandFormats(formats);
    }

    /** H10301, H10306, H10304 and CORP1000. */
    public static WiegandFormats standard() {
        return STANDARD;
    }

    /**
     * This set plus {@code extra} (e.g. a site's own formats).
     *
     * @throws IllegalArgumentException when a bit length or name would be duplicated
     */
    public WiegandFormats with(WiegandFormat... extra) {
        List<WiegandFormat> all = new ArrayList<>(formats);
        all.addAll(List.of(extra));
        return new WiegandFormats(all);
    }

    /** The format whose frames have {@code bitLength} bits. */
    public Optional<WiegandFormat> byLength(int bitLength) {
        return Optional.ofNullable(formatOfLength(bitLength));
    }

    /** The format called {@code name} (exact, case-sensitive). */
    public Optional<WiegandFormat> byName(String name) {
        for (WiegandFormat format : formats) {
            if (format.name().equals(name)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** All formats, in the order given. */
    public List<WiegandFormat> all() {
        return formats;
    }

    WiegandFormat formatOfLength(int bitLength) {
        return bitLength >= 0 && bitLength < byLength.length ? byLength[bitLength] : null;
    }

    /** Bits {@code from, from+1, from+3, from+4, …} up to {@code to}: pairs of two, skipping every third bit. */
    private static List<Integer> pairs(int from, int to) {
        List<Integer> bits = new ArrayList<>();
        for (int bit = from; bit <= to; bit++) {
            if ((bit - from) % 3 != 2) {
                bits.add(bit);
            }
        }
        return bits;
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        formats.forEach(f -> names.add(f.name() + "/" + f.bitLength()));
        return "WiegandFormats" + names;
    }
}
