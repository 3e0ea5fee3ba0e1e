package dev.warden.codec.modbus;

/** Argument checks shared by the request and response records. */
final class Checks {

    private Checks() {}

    /** 0 (broadcast) or 1..247. */
    static void unit(int unitId) {
        if (unitId < 0 || unitId > 247) {
            throw new IllegalArgumentException("unit id must be 0..247, was " + unitId);
        }
    }

    /** 1..247: a request that expects an answer, or the answer itself. */
    static void unicast(int unitId) {
        if (unitId < 1 || unitId > 247) {
            throw new IllegalArgumentException("unit id must be 1..247, was " + unitId);
        }
    }

    static void range(int address, int quantity, int maxQuantity) {
        if (address < 0 || address > 0xFFFF) {
            throw new IllegalArgumentException("address must be 0..65535, was " + address);
        }
        if (quantity < 1 || quantity > maxQuantity) {
            throw new IllegalArgumentException("quantity must be 1.." + maxQuantity + ", was " + quantity);
        }
        if (address + quantity > 0x10000) {
            throw new IllegalArgumentException("address " + address + " + quantity " + quantity + " passes 65535");
        }
    }

    static void register(int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("a register holds 0..65535, not " + value);
        }
    }

    static void count(int quantity, int max) {
        if (quantity < 1 || quantity > max) {
            throw new IllegalArgumentException("quantity must be 1.." + max + ", was " + quantity);
        }
    }
}
