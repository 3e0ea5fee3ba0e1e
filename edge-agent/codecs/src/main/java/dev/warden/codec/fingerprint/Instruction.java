package dev.warden.codec.fingerprint;

import java.util.Optional;

/** Instruction codes of the module family (first payload byte of a command packet). */
public enum Instruction {
    GEN_IMG(0x01),
    IMG2TZ(0x02),
    MATCH(0x03),
    SEARCH(0x04),
    REG_MODEL(0x05),
    STORE(0x06),
    LOAD_CHAR(0x07),
    UP_CHAR(0x08),
    DOWN_CHAR(0x09),
    UP_IMAGE(0x0A),
    DELET_CHAR(0x0C),
    EMPTY(0x0D),
    SET_SYS_PARA(0x0E),
    READ_SYS_PARA(0x0F),
    SET_PWD(0x12),
    VFY_PWD(0x13),
    SET_ADDR(0x15),
    HAND_SHAKE(0x17),
    HI_SPEED_SEARCH(0x1B),
    TEMPLATE_NUM(0x1D),
    READ_INDEX_TABLE(0x1F);

    private final int code;

    Instruction(int code) {
        this.code = code;
    }

    /** The byte on the wire. */
    public int code() {
        return code;
    }

    /** The instruction for a code, or empty for a code the family does not define. */
    public static Optional<Instruction> of(int code) {
        for (Instruction instruction : values()) {
            if (instruction.code == code) {
                return Optional.of(instruction);
            }
        }
        return Optional.empty();
    }
}
