package dev.warden.controller.person;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Row of table {@code person}; kind and status hold the names of the policy enums. */
@MappedEntity(value = "person", escape = false)
public record PersonRow(@Id String id, String displayName, String kind, String status) {}
