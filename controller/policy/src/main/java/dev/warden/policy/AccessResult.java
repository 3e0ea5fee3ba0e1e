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
 */
public record AccessResult(Decision decision, List<PresenceChange> changes, List<Signal> signals) {

    public AccessResult {
        Checks.nonNull(decision, "AccessResult.decision");
        changes = List.copyOf(Checks.nonNull(changes, "AccessResult.changes"));
        signals = List.copyOf(Checks.nonNull(signals, "AccessResult.signals"));
    }
}
