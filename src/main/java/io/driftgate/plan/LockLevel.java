package io.driftgate.plan;

/** The strongest table lock a step takes, as PostgreSQL names it. */
public enum LockLevel {
    NONE("no table lock"),
    SHARE_UPDATE_EXCLUSIVE("SHARE UPDATE EXCLUSIVE (reads and writes go on)"),
    SHARE("SHARE (blocks writes)"),
    SHARE_ROW_EXCLUSIVE("SHARE ROW EXCLUSIVE (blocks writes)"),
    ACCESS_EXCLUSIVE("ACCESS EXCLUSIVE (blocks reads and writes)");

    private final String description;

    LockLevel(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
