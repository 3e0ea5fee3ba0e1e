package dev.warden.policy;

/**
 * What {@link AccessPolicy#evaluate} answers: the decision, and whether the holder's duress PIN was typed.
 *
 * <p>Duress is reported whatever the decision (a person under threat may be denied for another reason, and the
 * silent alarm matters more than the door): it is {@code true} when the card belongs to a known credential whose
 * holder has a duress PIN and the typed PIN matches it. The decision itself never shows duress.
 *
 * @param decision the decision of rules 1–10
 * @param duress   whether the typed PIN is the holder's duress PIN
 */
public record PolicyVerdict(Decision decision, boolean duress) {

    public PolicyVerdict {
        Checks.nonNull(decision, "PolicyVerdict.decision");
    }
}
