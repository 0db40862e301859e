/** Debian's ClickHouse server (18.16), the one CI installs (`.ci/run`). */
export declare const CLICKHOUSE_SERVER: string;
/** The user with a password the tests push as (the password is what no output may show). */
export declare const CLICKHOUSE_USER: string;
/** A password no output may contain: distinctive, with characters URLs must encode. */
export declare const CLICKHOUSE_PASSWORD: string;
/** Writes a minimal server config into `dir` (data and logs under it, 127.0.0.1 only) and returns the config file's path. */
export declare function writeClickHouseConfig(dir: string, httpPort: number, tcpPort: number): string;
/** Resolves once `url/ping` answers; rejects when `exited()` returns an exit code or after `timeoutMs`. */
export declare function waitForPing(url: string, exited: () => number | null | undefined, timeoutMs?: number): Promise<void>;
/** A port of 127.0.0.1 nobody listens on right now. */
export declare function freePort(): Promise<number>;
