package io.b2bhub.files;

/** One bad line of a rejected file, as its report lists it (line 1 is the header). */
public record LineError(long line, String field, String reason) {}
