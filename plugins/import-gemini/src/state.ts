/** What a pass over one chat leaves for the next. */
export interface GeminiFileState {
  /** True once the session was named. */
  named: boolean;
  /** Ids of the messages already imported: a later record that changes one of them means importing the chat again. */
  emitted: string[];
}
