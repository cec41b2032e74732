import { uuidv7 } from 'uuidv7';

/** Time-ordered ids, creatable offline by clients as well as by the server. */
export const newId = (): string => uuidv7();
