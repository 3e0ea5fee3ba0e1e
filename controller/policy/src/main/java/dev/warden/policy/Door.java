package dev.warden.policy;

/**
 * A door (portal) leading into an area.
 *
 * @param id           the door's id
 * @param area         the area the door leads into
 * @param name         non-blank name shown to operators
 * @param secondFactor what the door requires besides the card
 */
public record Door(DoorId id, AreaId area, String name, SecondFactor secondFactor) {

    public Door {
        Checks.nonNull(id, "Door.id");
        Checks.nonNull(area, "Door.area");
        name = Checks.nonBlank(name, "Door.name");
        Checks.nonNull(secondFactor, "Door.secondFactor");
    }

    /** A door that requires the card alone. */
    public Door(DoorId id, AreaId area, String name) {
        this(id, area, name, SecondFactor.NONE);
    }
}
