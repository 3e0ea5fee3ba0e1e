package dev.warden.policy;

/**
 * A door (portal) leading into an area.
 *
 * @param id   the door's id
 * @param area the area the door leads into
 * @param name non-blank name shown to operators
 */
public record Door(DoorId id, AreaId area, String name) {

    public Door {
        Checks.nonNull(id, "Door.id");
        Checks.nonNull(area, "Door.area");
        name = Checks.nonBlank(name, "Door.name");
    }
}
