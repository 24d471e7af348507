// The two databases Alliance runs on.

export type Dialect = "sqlite" | "postgres";
