package org.cbamledger.service.room;

import org.cbamledger.service.store.StoredCheckpoint;
import org.cbamledger.service.room.scope.RoomDefinition;
import org.cbamledger.service.room.scope.RoomSelection;

/** A room's selection and the checkpoint it was read under; proofs from the room are against this checkpoint. */
public record RoomSnapshot(RoomDefinition room, StoredCheckpoint checkpoint, long statementCount, RoomSelection selection) {}
