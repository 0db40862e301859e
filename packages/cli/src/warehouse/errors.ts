import { RadiumError } from '@radium-stats/core';

/** No warehouse is configured, or its settings cannot be used. */
export class WarehouseConfigError extends RadiumError {
  override name = 'WarehouseConfigError';
}

/** The warehouse could not be reached or refused a statement; the message holds no credentials. */
export class WarehouseError extends RadiumError {
  override name = 'WarehouseError';
  constructor(
    message: string,
    /** ClickHouse's error code (`Code: N` in its message), when it sent one. */
    readonly code?: number,
  ) {
    super(message);
  }
}
