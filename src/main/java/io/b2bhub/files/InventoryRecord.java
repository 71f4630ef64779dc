package io.b2bhub.files;

import java.io.Serializable;
import java.time.Instant;

/** One stock level from an inventory file: a SKU at a location, as of a moment. */
public record InventoryRecord(String sku, String location, long quantity, Instant asOf)
    implements Serializable {}
