package io.b2bhub.files;

import java.io.Serializable;

/** Where the inventory reader stands: the byte offset of the next line and that line's number. */
public record InventoryCheckpoint(long offset, long lineNumber) implements Serializable {}
