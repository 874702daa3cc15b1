package org.cbamledger.service.room;

import org.cbamledger.service.log.StoredCheckpoint;

/** A room's selection and the checkpoint it was read under; proofs from the room are against this checkpoint. */
public record RoomSnapshot(RoomDefinition room, StoredCheckpoint checkpoint, long statementCount, RoomSelection selection) {}
