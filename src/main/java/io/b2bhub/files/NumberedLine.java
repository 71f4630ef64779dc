package io.b2bhub.files;

import java.io.Serializable;

/** A line of a file with its number (line 1 is the header). */
public record NumberedLine(long number, String text) implements Serializable {}
