package dev.warden.codec.wiegand;

import java.util.List;
import java.util.Objects;

/**
 * One Wiegand card format, as data: total bit length, where the facility and card fields sit, and the parity
 * checks. Bit positions are 1-based; bit 1 is the first bit sent. Fields are big-endian (most significant bit
 * first).
 *
 * <p>Parity checks are listed in computation order: a check may cover the parity bit of an earlier-listed check
 * (Corporate 1000's bit 35 covers bit 2, its bit 1 covers both), never its own or a later one's. The constructor
 * validates this, that every position is within {@code 1..bitLength}, that fields do not overlap each other or a
 * parity bit, and that parity bits are distinct.
 *
 * @param name      format name, e.g. {@code "H10301"}
 * @param bitLength total bits in a frame, 1..128
 * @param facility  the facility (site / company) code field, or null for formats without one (decoded as 0)
 * @param card      the card number field
 * @param parity    the parity checks, in computation order (copied)
 */
public record WiegandFormat(String name, int bitLength, Field facility, Field card, List<ParityCheck> parity) {

    /** Longest frame any format may have. */
    public static final int MAX_BITS = 128;

    public WiegandFormat {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("format name must not be blank");
        }
        if (bitLength < 1 || bitLength > MAX_BITS) {
            throw new IllegalArgumentException(name + ": bitLength must be 1.." + MAX_BITS + ", was " + bitLength);
        }
        Objects.requireNonNull(card, name + ": card field");
        Objects.requireNonNull(parity, name + ": parity");
        parity = List.copyOf(parity);

        boolean[] used = new boolean[bitLength + 1];
        if (facility != null) {
            claim(used, facility.firstBit(), facility.lastBit(), name, "facility field");
        }
        claim(used, card.firstBit(), card.lastBit(), name, "card field");
        boolean[] laterParity = new boolean[bitLength + 1];
        for (ParityCheck check : parity) {
            claim(used, check.parityBit(), check.parityBit(), name, "parity bit " + check.parityBit());
            laterParity[check.parityBit()] = true;
        }
        for (ParityCheck check : parity) {
            laterParity[check.parityBit()] = false;
            for (int bit : check.coveredBits()) {
                if (bit > bitLength) {
                    throw new IllegalArgumentException(name + ": parity bit " + check.parityBit()
                            + " covers bit " + bit + " beyond the frame length " + bitLength);
                }
                if (bit == check.parityBit() || laterParity[bit]) {
                    throw new IllegalArgumentException(name + ": parity bit " + check.parityBit()
                            + " covers parity bit " + bit + " that is computed at the same time or later");
                }
            }
        }
    }

    private static void claim(boolean[] used, int first, int last, String name, String what) {
        if (first < 1 || last >= used.length) {
            throw new IllegalArgumentException(
                    name + ": " + what + " (bits " + first + "–" + last + ") lies outside 1.." + (used.length - 1));
        }
        for (int bit = first; bit <= last; bit++) {
            if (used[bit]) {
                throw new IllegalArgumentException(name + ": " + what + " overlaps at bit " + bit);
            }
            used[bit] = true;
        }
    }

    /** Largest facility code this format can carry (0 without a facility field). */
    public long maxFacility() {
        return facility == null ? 0 : facility.maxValue();
    }

    /** Largest card number this format can carry. */
    public long maxCard() {
        return card.maxValue();
    }

    /**
     * A contiguous big-endian field.
     *
     * @param firstBit 1-based position of its most significant bit
     * @param length   number of bits, 1..63
     */
    public record Field(int firstBit, int length) {

        public Field {
            if (firstBit < 1) {
                throw new IllegalArgumentException("field firstBit must be >= 1, was " + firstBit);
            }
            if (length < 1 || length > 63) {
                throw new IllegalArgumentException("field length must be 1..63, was " + length);
            }
        }

        /** 1-based position of the last (least significant) bit. */
        public int lastBit() {
            return firstBit + length - 1;
        }

        /** {@code 2^length - 1}. */
        public long maxValue() {
            return (1L << length) - 1;
        }
    }

    /** Parity kind: the number of ones over the covered bits plus the parity bit is even, or odd. */
    public enum Parity {
        EVEN,
        ODD
    }

    /**
     * One parity bit and the bits it covers.
     *
     * @param parityBit   1-based position of the parity bit
     * @param kind        EVEN or ODD
     * @param coveredBits 1-based positions covered (copied; non-empty, distinct, each >= 1)
     */
    public record ParityCheck(int parityBit, Parity kind, List<Integer> coveredBits) {

        public ParityCheck {
            if (parityBit < 1) {
                throw new IllegalArgumentException("parityBit must be >= 1, was " + parityBit);
            }
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(coveredBits, "coveredBits");
            coveredBits = List.copyOf(coveredBits);
            if (coveredBits.isEmpty()) {
                throw new IllegalArgumentException("parity bit " + parityBit + " covers no bits");
            }
            if (coveredBits.stream().distinct().count() != coveredBits.size()) {
                throw new IllegalArgumentException("parity bit " + parityBit + " covers a bit twice");
            }
            for (int bit : coveredBits) {
                if (bit < 1) {
                    throw new IllegalArgumentException("parity bit " + parityBit + " covers bit " + bit + " < 1");
                }
            }
        }

        /** A check covering the contiguous range {@code from..to} (inclusive). */
        public static ParityCheck range(int parityBit, Parity kind, int from, int to) {
            if (to < from) {
                throw new IllegalArgumentException("empty range " + from + ".." + to);
            }
            Integer[] bits = new Integer[to - from + 1];
            for (int i = 0; i < bits.length; i++) {
                bits[i] = from + i;
            }
            return new ParityCheck(parityBit, kind, List.of(bits));
        }
    }
}
