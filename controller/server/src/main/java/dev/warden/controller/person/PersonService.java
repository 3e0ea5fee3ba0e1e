package dev.warden.controller.person;

import dev.warden.controller.api.ConflictException;
import dev.warden.controller.api.Input;
import dev.warden.controller.api.NotFoundException;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.policy.PersonKind;
import dev.warden.policy.PersonStatus;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** People: validation and persistence. A status change takes effect at the doors with the next index version. */
@Singleton
public class PersonService {
    private static final Logger LOG = LoggerFactory.getLogger(PersonService.class);

    private final PersonRepository people;
    private final AccessIndex index;

    public PersonService(PersonRepository people, AccessIndex index) {
        this.people = people;
        this.index = index;
    }

    @ReadOnly
    public List<PersonDto> list() {
        return people.findAllOrderById().stream().map(PersonDto::of).toList();
    }

    @ReadOnly
    public PersonDto get(String id) {
        return people.findById(id).map(PersonDto::of).orElseThrow(() -> new NotFoundException("person", id));
    }

    @Transactional
    public PersonDto create(PersonDto body) {
        Input.bodyPresent(body);
        PersonRow row = valid(Input.id("id", body.id()), body);
        if (people.existsById(row.id())) {
            throw new ConflictException("person '" + row.id() + "' already exists");
        }
        people.save(row);
        index.rebuildAfterCommit();
        return PersonDto.of(row);
    }

    @Transactional
    public PersonDto update(String id, PersonDto body) {
        Input.bodyPresent(body);
        Input.sameId(id, body.id());
        PersonRow before = people.findById(id).orElseThrow(() -> new NotFoundException("person", id));
        PersonRow row = valid(id, body);
        people.update(row);
        if (!before.status().equals(row.status())) {
            LOG.info("Person {} status {} -> {}", id, before.status(), row.status());
        }
        index.rebuildAfterCommit();
        return PersonDto.of(row);
    }

    @Transactional
    public void delete(String id) {
        if (!people.existsById(id)) {
            throw new NotFoundException("person", id);
        }
        if (people.countReferences(id) > 0) {
            throw new ConflictException("person '" + id + "' still has credentials, fingerprints or access assignments; "
                    + "delete them first (or set the person's status to TERMINATED)");
        }
        people.deleteById(id);
        index.rebuildAfterCommit();
    }

    private static PersonRow valid(String id, PersonDto body) {
        String name = Input.name("displayName", body.displayName());
        PersonKind kind = Input.oneOf("kind", body.kind(), PersonKind.class);
        PersonStatus status = body.status() == null
                ? PersonStatus.ACTIVE
                : Input.oneOf("status", body.status(), PersonStatus.class);
        return new PersonRow(id, name, kind.name(), status.name());
    }
}
