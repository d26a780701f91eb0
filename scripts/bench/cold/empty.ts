// The cold-start baseline: a script that does nothing.
export {};
