package io.b2bhub.erp;

import io.b2bhub.platform.erp.ErpOutcome;

/** A successful ERP answer: its HTTP status and what it did. */
record ErpReply(int status, ErpOutcome outcome) {}
