package dev.warden.policy;

import java.util.List;

/**
 * What {@link AccessEngine#decide} answers.
 *
 * @param decision the decision of rules 1–13
 * @param changes  the presence changes it caused, in order (empty at a gate until its passage, and for denials;
 *                 may name other people: a pending visitor or two-person partner entering with this grant)
 * @param signals  what to raise alarms for (terminated credential, duress, passback, unescorted visitor, lone
 *                 occupant, visit overstay), in order
 * @param admits   how many people this grant lets through the door at once (the holder plus a pending two-person
 *                 partner or visitors entering with them), at least 1 for a grant; 0 for a denial
 */
public record AccessResult(Decision decision, List<PresenceChange> changes, List<Signal> signals, int admits) {

    public AccessResult {
        Checks.nonNull(decision, "AccessResult.decision");
        changes = List.copyOf(Checks.nonNull(changes, "AccessResult.changes"));
        signals = List.copyOf(Checks.nonNull(signals, "AccessResult.signals"));
        if (decision.granted() ? admits < 1 : admits != 0) {
            throw new IllegalArgumentException("AccessResult.admits must be >= 1 for a grant and 0 for a denial, was "
                    + admits);
        }
    }

    /** A result that admits the holder alone when granted. */
    public AccessResult(Decision decision, List<PresenceChange> changes, List<Signal> signals) {
        this(decision, changes, signals, decision != null && decision.granted() ? 1 : 0);
    }
}
