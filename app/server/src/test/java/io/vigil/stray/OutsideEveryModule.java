package io.vigil.stray;

/** A deliberate violation for ModuleBoundariesTest: a class in a package that belongs to no module. */
public class OutsideEveryModule {}
