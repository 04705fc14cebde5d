// Types for `dynalite` (the package ships none): only what test/helpers/dynalite.ts uses.
declare module 'dynalite' {
  import type { Server } from 'node:http';

  interface DynaliteOptions {
    /** How long a new table stays CREATING, in milliseconds (default 500). */
    createTableMs?: number;
    /** How long a deleted table stays DELETING, in milliseconds (default 500). */
    deleteTableMs?: number;
    /** How long an updated table stays UPDATING, in milliseconds (default 500). */
    updateTableMs?: number;
    /** A LevelDB directory; in memory when absent. */
    path?: string;
  }

  function dynalite(options?: DynaliteOptions): Server;
  export = dynalite;
}
