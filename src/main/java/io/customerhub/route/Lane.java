package io.customerhub.route;

/** Where work for a customer goes: held, reviewed by a person first, fast-tracked, or handled normally. */
public enum Lane { HOLD, REVIEW, PRIORITY, STANDARD }
