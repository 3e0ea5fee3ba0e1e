package dev.warden.controller.credential;

import dev.warden.controller.api.ConflictException;
import dev.warden.controller.api.Input;
import dev.warden.controller.api.InvalidInputException;
import dev.warden.controller.api.NotFoundException;
import dev.warden.controller.decision.AccessIndex;
import dev.warden.controller.person.PersonRepository;
import dev.warden.policy.CredentialStatus;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Credentials: validation (card unique, holder exists, validity ordered), persistence. */
@Singleton
public class CredentialService {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialService.class);

    private final CredentialRepository credentials;
    private final PersonRepository people;
    private final AccessIndex index;

    public CredentialService(CredentialRepository credentials, PersonRepository people, AccessIndex index) {
        this.credentials = credentials;
        this.people = people;
        this.index = index;
    }

    @ReadOnly
    public List<CredentialDto> list(String personId) {
        List<CredentialRow> rows = personId == null
                ? credentials.findAllOrderById()
                : credentials.findByPersonIdOrderById(personId);
        return rows.stream().map(CredentialDto::of).toList();
    }

    @ReadOnly
    public CredentialDto get(String id) {
        return credentials.findById(id).map(CredentialDto::of)
                .orElseThrow(() -> new NotFoundException("credential", id));
    }

    @Transactional
    public CredentialDto create(CredentialDto body) {
        Input.bodyPresent(body);
        CredentialRow row = valid(Input.id("id", body.id()), body);
        if (credentials.existsById(row.id())) {
            throw new ConflictException("credential '" + row.id() + "' already exists");
        }
        credentials.save(row);
        index.rebuildAfterCommit();
        return CredentialDto.of(row);
    }

    @Transactional
    public CredentialDto update(String id, CredentialDto body) {
        Input.bodyPresent(body);
        Input.sameId(id, body.id());
        CredentialRow before = credentials.findById(id).orElseThrow(() -> new NotFoundException("credential", id));
        CredentialRow row = valid(id, body);
        credentials.update(row);
        if (!before.status().equals(row.status())) {
            LOG.info("Credential {} status {} -> {}", id, before.status(), row.status());
        }
        index.rebuildAfterCommit();
        return CredentialDto.of(row);
    }

    @Transactional
    public void delete(String id) {
        if (!credentials.existsById(id)) {
            throw new NotFoundException("credential", id);
        }
        credentials.deleteById(id);
        index.rebuildAfterCommit();
    }

    private CredentialRow valid(String id, CredentialDto body) {
        Input.require(body.facility() != null && body.number() != null, "facility and number are required");
        String problem = CardFormats.problem(body.format(), body.facility(), body.number());
        if (problem != null) {
            throw new InvalidInputException(problem);
        }
        String personId = Input.id("personId", body.personId());
        CredentialStatus status = body.status() == null
                ? CredentialStatus.ACTIVE
                : Input.oneOf("status", body.status(), CredentialStatus.class);
        Input.validityOrder(body.validFrom(), body.validUntil());
        if (!people.existsById(personId)) {
            throw new InvalidInputException("personId '" + personId + "' does not exist");
        }
        credentials.findByFormatAndFacilityAndCardNumber(body.format(), body.facility(), body.number())
                .filter(other -> !other.id().equals(id))
                .ifPresent(other -> {
                    throw new ConflictException("card " + body.format() + " " + body.facility() + ":" + body.number()
                            + " already belongs to credential '" + other.id() + "'");
                });
        return new CredentialRow(id, body.format(), body.facility(), body.number(), personId, status.name(),
                body.validFrom(), body.validUntil());
    }
}
