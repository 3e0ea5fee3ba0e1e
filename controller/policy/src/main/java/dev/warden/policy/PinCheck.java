package dev.warden.policy;

/** What a typed PIN turned out to be for the card's holder (package-private helper of rule 9). */
enum PinCheck {
    /** No PIN was typed. */
    NOT_TYPED,
    /** The holder's PIN. */
    PIN,
    /** The holder's duress PIN (checked first: it wins should both hashes match). */
    DURESS,
    /** Neither (or the holder has no PIN enrolled). */
    WRONG;

    static PinCheck of(Person holder, String typed) {
        if (typed == null) {
            return NOT_TYPED;
        }
        if (holder.duressPin() != null && holder.duressPin().matches(typed)) {
            return DURESS;
        }
        if (holder.pin() != null && holder.pin().matches(typed)) {
            return PIN;
        }
        return WRONG;
    }

    boolean matched() {
        return this == PIN || this == DURESS;
    }
}
