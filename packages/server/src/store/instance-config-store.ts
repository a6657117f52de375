/** Instance-wide values kept in the database (secret key, instance id). */
export interface InstanceConfigStore {
  /** The stored value, or null when none was stored yet. */
  getInstanceValue(name: string): Promise<string | null>;
  /**
   * Stores `value` under `name` unless a value is already there, and returns the value that is
   * stored afterwards: concurrent first starts all get the same one.
   */
  putInstanceValueIfAbsent(name: string, value: string): Promise<string>;
  /** Stores `value` under `name`, replacing what was there (e.g. the console password's hash). */
  setInstanceValue(name: string, value: string): Promise<void>;
}
