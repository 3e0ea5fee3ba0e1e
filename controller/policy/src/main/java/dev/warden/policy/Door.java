package dev.warden.policy;

/**
 * A door (portal) leading into an area.
 *
 * @param id           the door's id
 * @param area         the area the door leads into (an EXIT read leaves it, into its parent)
 * @param name         non-blank name shown to operators
 * @param secondFactor what the door requires besides the card (rule 9)
 * @param kind         door or gate: at a gate a grant moves presence only on the gate's next passage
 * @param freeAccess   a schedule during which any ENTRY read of a valid badge is granted without an access level
 *                     (rule 10, lobbies), or null; an id unknown to the snapshot counts as never open
 * @param threatMarked whether the site's threat level raises the clearance needed here (rule 8)
 */
public record Door(DoorId id, AreaId area, String name, SecondFactor secondFactor, PortalKind kind,
                   ScheduleId freeAccess, boolean threatMarked) {

    public Door {
        Checks.nonNull(id, "Door.id");
        Checks.nonNull(area, "Door.area");
        name = Checks.nonBlank(name, "Door.name");
        Checks.nonNull(secondFactor, "Door.secondFactor");
        Checks.nonNull(kind, "Door.kind");
    }

    /** A plain door (no free access, not threat-marked) with the given second factor. */
    public Door(DoorId id, AreaId area, String name, SecondFactor secondFactor) {
        this(id, area, name, secondFactor, PortalKind.DOOR, null, false);
    }

    /** A plain door that requires the card alone. */
    public Door(DoorId id, AreaId area, String name) {
        this(id, area, name, SecondFactor.NONE);
    }
}
