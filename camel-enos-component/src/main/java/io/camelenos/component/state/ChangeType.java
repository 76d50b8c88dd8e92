package io.camelenos.component.state;

/** What happened to a record since the last complete poll (header CamelEnosChangeType). */
public enum ChangeType {
    CREATED,
    UPDATED,
    DELETED
}
